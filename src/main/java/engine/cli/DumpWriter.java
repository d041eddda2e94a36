package engine.cli;

import engine.api.Side;
import engine.book.Order;
import engine.format.AsciiBuffer;
import engine.logic.BusinessLogic;
import engine.book.Instrument;
import engine.logic.StateVisitor;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/** Writes the final state as the {@code --dump} lines of COMMAND-FILE.md: BOOK, BALANCE, WITHDRAWAL, STATE_HASH. */
final class DumpWriter implements StateVisitor
{
    private static final byte[] BOOK = "BOOK,".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] BALANCE = "BALANCE,".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] WITHDRAWAL = "WITHDRAWAL,".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    /** In place of the deadline of a saga that waits for the wallet's answer to a cancel. */
    private static final byte[] CANCELLING = "CANCELLING".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] BUY = ",BUY,".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] SELL = ",SELL,".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final int FLUSH_AT = 1 << 16;
    private final AsciiBuffer buffer = new AsciiBuffer(FLUSH_AT * 2);
    private final OutputStream out;

    private DumpWriter(final OutputStream out)
    {
        this.out = out;
    }

    static void write(final BusinessLogic logic, final OutputStream out) throws IOException
    {
        final DumpWriter dump = new DumpWriter(out);
        try
        {
            logic.visit(dump);
        }
        catch (final UncheckedIOException e)
        {
            throw e.getCause();
        }
        dump.buffer.append("STATE_HASH,".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
            .append(String.format("%016x", logic.stateHash()).getBytes(java.nio.charset.StandardCharsets.US_ASCII))
            .append((byte)'\n');
        dump.buffer.writeTo(out);
        out.flush();
    }

    @Override
    public void restingOrder(final Instrument instrument, final Order order)
    {
        buffer.append(BOOK).appendName(instrument.symbolHi(), instrument.symbolLo())
            .append(order.side() == Side.BUY ? BUY : SELL).append(order.price()).append((byte)',')
            .append(order.orderId()).append((byte)',').append(order.openQty()).append((byte)'\n');
        drainWhenFull();
    }

    /** Keeps memory bounded for books of millions of orders. */
    private void drainWhenFull()
    {
        if (buffer.length() >= FLUSH_AT)
        {
            try
            {
                buffer.writeTo(out);
                buffer.clear();
            }
            catch (final IOException e)
            {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public void balance(final long account, final long assetHi, final long assetLo, final long available,
        final long reserved)
    {
        buffer.append(BALANCE).append(account).append((byte)',').appendName(assetHi, assetLo).append((byte)',')
            .append(available).append((byte)',').append(reserved).append((byte)'\n');
        drainWhenFull();
    }

    @Override
    public void withdrawal(final long sagaId, final long account, final long assetHi, final long assetLo,
        final long amount, final long timeout, final int attempt, final int maxAttempts, final long deadline,
        final boolean cancelling)
    {
        buffer.append(WITHDRAWAL).append(sagaId).append((byte)',').append(account).append((byte)',')
            .appendName(assetHi, assetLo).append((byte)',').append(amount).append((byte)',').append(attempt)
            .append((byte)',');
        if (cancelling)
        {
            buffer.append(CANCELLING);
        }
        else
        {
            buffer.append(deadline);
        }
        buffer.append((byte)'\n');
        drainWhenFull();
    }
}
