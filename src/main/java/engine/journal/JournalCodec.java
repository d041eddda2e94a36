package engine.journal;

import engine.api.Command;
import engine.api.CommandType;
import engine.api.OrderType;
import engine.api.Side;
import engine.api.TimeInForce;
import java.util.zip.CRC32C;
import net.openhft.chronicle.bytes.Bytes;

/**
 * The binary layout of one journal entry, encoded into and decoded from a reused on-heap
 * buffer with Chronicle Bytes (native little-endian), so that the CRC can run over a plain
 * array. Fixed fields, no self-description:
 * <pre>
 *  0  u8   format ({@value #FORMAT})
 *  1  u8   kind (stable codes below, independent of enum order)
 *  2  i64  seq
 * 10  i64  timestamp
 * 18  ...  body, by kind (only the fields that kind uses); side, order type and time in force
 *          as u8 of their enum codes ({@link engine.api.Coded}), an unknown one is a bad entry
 *  m  u8   identity flags: 1 request id key follows, 2 client order id follows (not in VOID)
 *      i64 i64  request id key (hi, lo), if flagged
 *      i64      client order id, if flagged
 *  n  i32  CRC32C of bytes [0, n)
 * </pre>
 * Entries are stored packed into Chronicle documents, each preceded by a {@code u8} length
 * ({@link EntryPacker}). A {@code VOID} entry is written by recovery after a torn last
 * document, with the seq of the last good entry and the index of the document it voids (from
 * that seq on), so that later readers skip the rest of that document knowingly instead of
 * calling it corruption. One instance per thread.
 *
 * <p>Kinds 8 to 11 (the withdrawal saga and deposit notifications), 12 (balance adjustments) and 13 (trade busts)
 * were added within format 3: they change no existing entry, so older journals read as before.
 *
 * <p>Format history, also recorded as {@code entryFormat} in {@code journal.properties}, which
 * {@link JournalDirectory} checks before reading or writing: 1, one document per entry with no
 * length prefix; 2, entries packed into documents; 3, the front ends' identities (request id
 * key, client order id) after the body, so that they survive a restart. A journal of another
 * format is refused.
 */
final class JournalCodec
{
    static final int FORMAT = 3;
    static final int MAX_LENGTH = 128;
    static final int KIND_SYMBOL = 1;
    static final int KIND_DEPOSIT = 2;
    static final int KIND_WITHDRAW = 3;
    static final int KIND_PLACE = 4;
    static final int KIND_CANCEL = 5;
    static final int KIND_AMEND = 6;
    static final int KIND_TICK = 7;
    static final int KIND_WITHDRAW_REQUEST = 8;
    static final int KIND_WITHDRAW_CONFIRM = 9;
    static final int KIND_WITHDRAW_FAIL = 10;
    static final int KIND_DEPOSIT_NOTIFY = 11;
    static final int KIND_BALANCE_ADJUST = 12;
    static final int KIND_TRADE_BUST = 13;
    static final int KIND_VOID = 100;
    private static final int HEADER = 18;
    private static final int HAS_REQUEST_ID = 1;
    private static final int HAS_CLIENT_ORDER_ID = 2;

    /** What {@link #decode} found. */
    enum Outcome
    {
        COMMAND,
        VOID,
        BAD
    }

    private final byte[] array = new byte[MAX_LENGTH];
    private final Bytes<byte[]> bytes = Bytes.wrapForWrite(array);
    private final Bytes<byte[]> in = Bytes.wrapForRead(array);
    private final CRC32C crc = new CRC32C();
    private String problem;
    private long voidedIndex;

    byte[] array()
    {
        return array;
    }

    /** Hands this codec to the calling thread (calls must not overlap): Chronicle's buffers check their thread. */
    void singleThreadedCheckReset()
    {
        bytes.singleThreadedCheckReset();
        in.singleThreadedCheckReset();
    }

    /** Encodes {@code command} into {@link #array()}; returns the entry length. */
    int encode(final Command command)
    {
        bytes.clear();
        bytes.writeUnsignedByte(FORMAT);
        bytes.writeUnsignedByte(kindOf(command.type()));
        bytes.writeLong(command.seq());
        bytes.writeLong(command.timestamp());
        switch (command.type())
        {
            case SYMBOL -> writeSymbol(command);
            case DEPOSIT, WITHDRAW -> writeTransfer(command);
            case PLACE -> writePlace(command);
            case CANCEL ->
            {
                bytes.writeLong(command.account());
                bytes.writeLong(command.orderId());
            }
            case AMEND ->
            {
                bytes.writeLong(command.account());
                bytes.writeLong(command.orderId());
                bytes.writeUnsignedByte((command.hasPrice() ? 1 : 0) | (command.hasQty() ? 2 : 0));
                bytes.writeLong(command.price());
                bytes.writeLong(command.qty());
            }
            case WITHDRAW_REQUEST ->
            {
                writeTransfer(command);
                bytes.writeLong(command.timeout());
                bytes.writeLong(command.attempts());
            }
            case WITHDRAW_CONFIRM, WITHDRAW_FAIL ->
            {
                bytes.writeLong(command.reference());
                bytes.writeLong(command.attempts());
            }
            case DEPOSIT_NOTIFY, BALANCE_ADJUST ->
            {
                writeTransfer(command);
                bytes.writeLong(command.reference());
            }
            case TRADE_BUST ->
            {
                bytes.writeLong(command.tradeSeq());
                bytes.writeLong(command.tradeIndex());
            }
            case TICK ->
            {
            }
        }
        writeIdentities(command);
        return seal();
    }

    private void writeTransfer(final Command command)
    {
        bytes.writeLong(command.account());
        bytes.writeLong(command.assetHi());
        bytes.writeLong(command.assetLo());
        bytes.writeLong(command.amount());
    }

    private void writeIdentities(final Command command)
    {
        bytes.writeUnsignedByte((command.hasRequestId() ? HAS_REQUEST_ID : 0) |
            (command.hasClientOrderId() ? HAS_CLIENT_ORDER_ID : 0));
        if (command.hasRequestId())
        {
            bytes.writeLong(command.requestIdHi());
            bytes.writeLong(command.requestIdLo());
        }
        if (command.hasClientOrderId())
        {
            bytes.writeLong(command.clientOrderId());
        }
    }

    /** Encodes a marker saying that the document at {@code index} is void after {@code seq} (torn in a crash). */
    int encodeVoid(final long seq, final long index)
    {
        bytes.clear();
        bytes.writeUnsignedByte(FORMAT);
        bytes.writeUnsignedByte(KIND_VOID);
        bytes.writeLong(seq);
        bytes.writeLong(0);
        bytes.writeLong(index);
        return seal();
    }

    private void writeSymbol(final Command command)
    {
        bytes.writeLong(command.symbolHi());
        bytes.writeLong(command.symbolLo());
        bytes.writeLong(command.assetHi());
        bytes.writeLong(command.assetLo());
        bytes.writeLong(command.quoteAssetHi());
        bytes.writeLong(command.quoteAssetLo());
        bytes.writeLong(command.baseScale());
        bytes.writeLong(command.quoteScale());
    }

    private void writePlace(final Command command)
    {
        bytes.writeLong(command.account());
        bytes.writeLong(command.orderId());
        bytes.writeLong(command.symbolHi());
        bytes.writeLong(command.symbolLo());
        bytes.writeUnsignedByte(command.side().code());
        bytes.writeUnsignedByte(command.orderType().code());
        bytes.writeUnsignedByte(command.tif().code());
        bytes.writeUnsignedByte(command.hasPrice() ? 1 : 0);
        bytes.writeLong(command.price());
        bytes.writeLong(command.qty());
        bytes.writeLong(command.expiry());
    }

    private int seal()
    {
        final int length = (int)bytes.writePosition();
        crc.reset();
        crc.update(array, 0, length);
        bytes.writeInt((int)crc.getValue());
        return length + 4;
    }

    /**
     * Checks and decodes the entry in {@code array()[0, length)} into {@code into}.
     *
     * @return BAD with {@link #problem()} set when the checksum, format, kind or length is wrong.
     */
    Outcome decode(final int length, final Command into)
    {
        if (length < HEADER + 4 || length > MAX_LENGTH)
        {
            return bad("length " + length + " is impossible");
        }
        crc.reset();
        crc.update(array, 0, length - 4);
        in.readPositionRemaining(length - 4, 4);
        if (in.readInt() != (int)crc.getValue())
        {
            return bad("checksum mismatch");
        }
        in.readPositionRemaining(0, length - 4);
        if (in.readUnsignedByte() != FORMAT)
        {
            return bad("unknown entry format " + array[0]);
        }
        final int kind = in.readUnsignedByte();
        final long seq = in.readLong();
        final long timestamp = in.readLong();
        final int expected = bodyLength(kind);
        if (expected < 0)
        {
            return bad("unknown entry kind " + kind);
        }
        if (kind == KIND_VOID)
        {
            if (expected != length - 4 - HEADER)
            {
                return bad("length " + length + " does not fit kind " + kind);
            }
            voidedIndex = in.readLong();
            into.seq(seq);
            return Outcome.VOID;
        }
        final int flags = length - 4 - HEADER > expected ? array[HEADER + expected] & 0xFF : -1;
        if (flags < 0 || (flags & ~(HAS_REQUEST_ID | HAS_CLIENT_ORDER_ID)) != 0 ||
            expected + identitiesLength(flags) != length - 4 - HEADER)
        {
            return bad("length " + length + " does not fit kind " + kind);
        }
        try
        {
            readBody(kind, in, timestamp, into);
        }
        catch (final IllegalArgumentException e)
        {
            // An enum code no constant has, under a good checksum: written by a newer build.
            return bad(e.getMessage() + " in a kind " + kind + " entry");
        }
        in.readSkip(1);
        if ((flags & HAS_REQUEST_ID) != 0)
        {
            into.requestId(in.readLong(), in.readLong());
        }
        if ((flags & HAS_CLIENT_ORDER_ID) != 0)
        {
            into.clientOrderId(in.readLong());
        }
        into.seq(seq);
        return Outcome.COMMAND;
    }

    private static int identitiesLength(final int flags)
    {
        return 1 + ((flags & HAS_REQUEST_ID) != 0 ? 16 : 0) + ((flags & HAS_CLIENT_ORDER_ID) != 0 ? 8 : 0);
    }

    private static void readBody(final int kind, final Bytes<byte[]> in, final long time, final Command into)
    {
        switch (kind)
        {
            case KIND_SYMBOL -> into.symbol(time, in.readLong(), in.readLong(), in.readLong(), in.readLong(),
                in.readLong(), in.readLong(), in.readLong(), in.readLong());
            case KIND_DEPOSIT -> into.deposit(time, in.readLong(), in.readLong(), in.readLong(), in.readLong());
            case KIND_WITHDRAW -> into.withdraw(time, in.readLong(), in.readLong(), in.readLong(), in.readLong());
            case KIND_PLACE -> readPlace(in, time, into);
            case KIND_CANCEL -> into.cancel(time, in.readLong(), in.readLong());
            case KIND_AMEND ->
            {
                final long account = in.readLong();
                final long orderId = in.readLong();
                final int flags = in.readUnsignedByte();
                final long price = in.readLong();
                final long qty = in.readLong();
                into.amend(time, account, orderId, (flags & 1) != 0, price, (flags & 2) != 0, qty);
            }
            case KIND_WITHDRAW_REQUEST -> into.withdrawRequest(time, in.readLong(), in.readLong(), in.readLong(),
                in.readLong(), in.readLong(), in.readLong());
            case KIND_WITHDRAW_CONFIRM -> into.withdrawConfirm(time, in.readLong(), in.readLong());
            case KIND_WITHDRAW_FAIL -> into.withdrawFail(time, in.readLong(), in.readLong());
            case KIND_DEPOSIT_NOTIFY -> into.depositNotify(time, in.readLong(), in.readLong(), in.readLong(),
                in.readLong(), in.readLong());
            case KIND_BALANCE_ADJUST -> into.balanceAdjust(time, in.readLong(), in.readLong(), in.readLong(),
                in.readLong(), in.readLong());
            case KIND_TRADE_BUST -> into.tradeBust(time, in.readLong(), in.readLong());
            default -> into.tick(time);
        }
    }

    private static void readPlace(final Bytes<byte[]> in, final long time, final Command into)
    {
        final long account = in.readLong();
        final long orderId = in.readLong();
        final long symbolHi = in.readLong();
        final long symbolLo = in.readLong();
        final Side side = Side.fromCode(in.readUnsignedByte());
        final OrderType type = OrderType.fromCode(in.readUnsignedByte());
        final TimeInForce tif = TimeInForce.fromCode(in.readUnsignedByte());
        final boolean hasPrice = in.readUnsignedByte() != 0;
        final long price = in.readLong();
        final long qty = in.readLong();
        final long expiry = in.readLong();
        into.place(time, account, orderId, symbolHi, symbolLo, side, type, tif, expiry, hasPrice, price, qty);
    }

    private static int bodyLength(final int kind)
    {
        return switch (kind)
        {
            case KIND_SYMBOL -> 64;
            case KIND_DEPOSIT, KIND_WITHDRAW -> 32;
            case KIND_PLACE -> 60;
            case KIND_CANCEL -> 16;
            case KIND_AMEND -> 33;
            case KIND_TICK -> 0;
            case KIND_WITHDRAW_REQUEST -> 48;
            case KIND_WITHDRAW_CONFIRM, KIND_WITHDRAW_FAIL, KIND_TRADE_BUST -> 16;
            case KIND_DEPOSIT_NOTIFY, KIND_BALANCE_ADJUST -> 40;
            case KIND_VOID -> 8;
            default -> -1;
        };
    }

    private Outcome bad(final String why)
    {
        problem = why;
        return Outcome.BAD;
    }

    String problem()
    {
        return problem;
    }

    long voidedIndex()
    {
        return voidedIndex;
    }

    private static int kindOf(final CommandType type)
    {
        return switch (type)
        {
            case SYMBOL -> KIND_SYMBOL;
            case DEPOSIT -> KIND_DEPOSIT;
            case WITHDRAW -> KIND_WITHDRAW;
            case PLACE -> KIND_PLACE;
            case CANCEL -> KIND_CANCEL;
            case AMEND -> KIND_AMEND;
            case TICK -> KIND_TICK;
            case WITHDRAW_REQUEST -> KIND_WITHDRAW_REQUEST;
            case WITHDRAW_CONFIRM -> KIND_WITHDRAW_CONFIRM;
            case WITHDRAW_FAIL -> KIND_WITHDRAW_FAIL;
            case DEPOSIT_NOTIFY -> KIND_DEPOSIT_NOTIFY;
            case BALANCE_ADJUST -> KIND_BALANCE_ADJUST;
            case TRADE_BUST -> KIND_TRADE_BUST;
        };
    }
}
