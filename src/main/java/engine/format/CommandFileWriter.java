package engine.format;

import engine.api.Command;
import engine.api.CommandType;
import engine.api.OrderType;
import engine.api.Side;
import engine.api.TimeInForce;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Writes command-file lines (COMMAND-FILE.md), the one place that knows how each command is spelled:
 * from a {@link Command} ({@link #command}, {@link #line}) or from plain fields, as the workload
 * generator writes them. Lines collect in a reused buffer and go to the {@link Writer} in large
 * chunks, so writing a line allocates nothing.
 */
public final class CommandFileWriter
{
    private static final int FLUSH_AT = 60_000;
    private static final byte[][] TYPE_NAMES = names(CommandType.values());
    private static final byte[][] SIDE_NAMES = names(Side.values());
    private static final byte[][] ORDER_TYPE_NAMES = names(OrderType.values());
    private static final byte[][] TIF_NAMES = names(TimeInForce.values());

    private final AsciiBuffer buffer;
    private Writer out;

    /** A writer with nothing to write to yet; see {@link #target(Writer)}. */
    public CommandFileWriter()
    {
        this(1 << 16);
    }

    private CommandFileWriter(final int capacity)
    {
        buffer = new AsciiBuffer(capacity);
    }

    private static byte[][] names(final Enum<?>[] values)
    {
        final byte[][] names = new byte[values.length][];
        for (final Enum<?> value : values)
        {
            names[value.ordinal()] = value.name().getBytes(StandardCharsets.US_ASCII);
        }
        return names;
    }

    /** The command as its command-file line, without newline; for diagnostics, never on the hot path. */
    public static String line(final Command command)
    {
        final CommandFileWriter writer = new CommandFileWriter(96);
        writer.command(command);
        return writer.buffer.toString();
    }

    public void target(final Writer writer)
    {
        this.out = writer;
    }

    /** Appends the command's line without its newline (see {@link #end()}). */
    public CommandFileWriter command(final Command c)
    {
        switch (c.type())
        {
            case SYMBOL -> symbol(c.timestamp(), c.symbolHi(), c.symbolLo(), c.assetHi(), c.assetLo(), c.quoteAssetHi(),
                c.quoteAssetLo()).field(c.baseScale()).field(c.quoteScale());
            case DEPOSIT -> deposit(c.timestamp(), c.account(), c.assetHi(), c.assetLo(), c.amount());
            case WITHDRAW -> withdraw(c.timestamp(), c.account(), c.assetHi(), c.assetLo(), c.amount());
            case PLACE -> place(c.timestamp(), c.account(), c.orderId(), c.symbolHi(), c.symbolLo(), c.side(), c.orderType(),
                c.tif(), c.expiry(), c.hasPrice(), c.price(), c.qty());
            case CANCEL -> cancel(c.timestamp(), c.account(), c.orderId());
            case AMEND -> amend(c.timestamp(), c.account(), c.orderId(), c.hasPrice(), c.price(), c.hasQty(), c.qty());
            case TICK -> tick(c.timestamp());
            case WITHDRAW_REQUEST -> start(CommandType.WITHDRAW_REQUEST, c.timestamp()).field(c.account())
                .name(c.assetHi(), c.assetLo()).field(c.amount()).field(c.timeout()).field(c.attempts());
            case WITHDRAW_CONFIRM, WITHDRAW_FAIL -> start(c.type(), c.timestamp()).field(c.reference()).field(c.attempts());
            case DEPOSIT_NOTIFY, BALANCE_ADJUST -> start(c.type(), c.timestamp()).field(c.account())
                .name(c.assetHi(), c.assetLo()).field(c.amount()).field(c.reference());
            case TRADE_BUST -> start(CommandType.TRADE_BUST, c.timestamp()).field(c.tradeSeq()).field(c.tradeIndex());
        }
        return this;
    }

    /** {@code SYMBOL,time,symbol,base,quote}: the scales are optional and left to the caller. */
    public CommandFileWriter symbol(final long time, final long symbolHi, final long symbolLo, final long baseHi,
        final long baseLo, final long quoteHi, final long quoteLo)
    {
        return start(CommandType.SYMBOL, time).name(symbolHi, symbolLo).name(baseHi, baseLo).name(quoteHi, quoteLo);
    }

    public CommandFileWriter deposit(final long time, final long account, final long assetHi, final long assetLo,
        final long amount)
    {
        return start(CommandType.DEPOSIT, time).field(account).name(assetHi, assetLo).field(amount);
    }

    public CommandFileWriter withdraw(final long time, final long account, final long assetHi, final long assetLo,
        final long amount)
    {
        return start(CommandType.WITHDRAW, time).field(account).name(assetHi, assetLo).field(amount);
    }

    /** {@code expiry} is written only for GTD, {@code price} only when {@code hasPrice}. */
    public CommandFileWriter place(final long time, final long account, final long orderId, final long symbolHi,
        final long symbolLo, final Side side, final OrderType type, final TimeInForce tif, final long expiry,
        final boolean hasPrice, final long price, final long qty)
    {
        start(CommandType.PLACE, time).field(account).field(orderId).name(symbolHi, symbolLo)
            .field(SIDE_NAMES[side.ordinal()]).field(ORDER_TYPE_NAMES[type.ordinal()]).field(TIF_NAMES[tif.ordinal()]);
        if (tif == TimeInForce.GTD)
        {
            buffer.append((byte)':').append(expiry);
        }
        return optional(hasPrice, price).field(qty);
    }

    public CommandFileWriter cancel(final long time, final long account, final long orderId)
    {
        return start(CommandType.CANCEL, time).field(account).field(orderId);
    }

    /** An empty field stands for what does not change. */
    public CommandFileWriter amend(final long time, final long account, final long orderId, final boolean hasPrice,
        final long price, final boolean hasQty, final long qty)
    {
        return start(CommandType.AMEND, time).field(account).field(orderId).optional(hasPrice, price).optional(hasQty, qty);
    }

    public CommandFileWriter tick(final long time)
    {
        return start(CommandType.TICK, time);
    }

    /** Starts a {@code #} comment line; continue it with {@link #text} and {@link #number}. */
    public CommandFileWriter comment()
    {
        buffer.append((byte)'#').append((byte)' ');
        return this;
    }

    /** Appends ASCII text, for comments. */
    public CommandFileWriter text(final CharSequence text)
    {
        buffer.append(text);
        return this;
    }

    public CommandFileWriter number(final long value)
    {
        buffer.append(value);
        return this;
    }

    /** Ends the line; writes the buffer out once it is nearly full. */
    public void end() throws IOException
    {
        buffer.append((byte)'\n');
        if (buffer.length() >= FLUSH_AT)
        {
            flush();
        }
    }

    /** Writes out what is buffered (but does not flush the target). */
    public void flush() throws IOException
    {
        if (buffer.length() > 0)
        {
            buffer.writeTo(out);
            buffer.clear();
        }
    }

    private CommandFileWriter start(final CommandType type, final long time)
    {
        buffer.append(TYPE_NAMES[type.ordinal()]);
        return field(time);
    }

    private CommandFileWriter field(final long value)
    {
        buffer.append((byte)',').append(value);
        return this;
    }

    private CommandFileWriter field(final byte[] ascii)
    {
        buffer.append((byte)',').append(ascii);
        return this;
    }

    private CommandFileWriter name(final long hi, final long lo)
    {
        buffer.append((byte)',').appendName(hi, lo);
        return this;
    }

    private CommandFileWriter optional(final boolean present, final long value)
    {
        buffer.append((byte)',');
        if (present)
        {
            buffer.append(value);
        }
        return this;
    }
}
