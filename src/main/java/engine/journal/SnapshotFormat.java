package engine.journal;

import engine.api.SelfTradePrevention;
import engine.api.Side;
import engine.api.TimeInForce;
import engine.book.Order;
import engine.io.AtomicFile;
import engine.logic.BusinessLogic;
import engine.book.Instrument;
import engine.logic.StateRestorer;
import engine.logic.StateVisitor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Snapshot file format 4, little-endian. Versions 1 and 2 are refused with a message saying why: they have no
 * recent trades ('R'), and restoring without them would let a replay from the snapshot answer a TRADE_BUST
 * differently from the engine that wrote the journal. Version 3 is read: its 'W' records have no state byte, and
 * every saga in them is pending (version 3 had no cancelling state).
 * <pre>
 * header (64 bytes)
 *  0 i64 magic "ENGSNAP1"      8 i32 version (4)        12 i32 self-trade prevention code
 * 16 i64 last seq             24 i64 last timestamp    32 i64 journal index of the last seq's entry
 * 40 i64 body length          48 i64 state hash        56 i32 CRC32C of body   60 i32 CRC32C of bytes [0, 60)
 * body: tagged records in the canonical walk order, then 'E'
 *  'I' symbolHi symbolLo baseHi baseLo quoteHi quoteLo baseScale quoteScale
 *  'O' symbolHi symbolLo orderId account price openQty filledQty expiry side(u8) tif(u8)   (priority order)
 * self-trade prevention, side and tif are their enum codes ({@link engine.api.Coded}); an unknown one is refused
 *  'A' account
 *  'B' account assetHi assetLo available reserved
 *  'W' sagaId account assetHi assetLo amount timeout attempt(i32) maxAttempts(i32) deadline cancelling(u8)
 *      (saga id order; cancelling 1: the last attempt's deadline passed, deadline 0; the u8 since version 4)
 *  'T' external transaction id of a credited deposit notification
 *  'R' seq index(i32) symbolHi symbolLo price qty buyer seller baseHi baseLo quoteHi quoteLo baseAmount quoteAmount
 *      busted(u8)   (the trades that can be busted, oldest first; since version 3)
 * </pre>
 * Open order ids are the orders' ids; the next sequence is last seq + 1.
 */
final class SnapshotFormat
{
    static final long MAGIC = 0x3150414E_53474E45L; // the bytes "ENGSNAP1"
    static final int VERSION = 4;
    /** Version 2 and older hold no recent trades: see the class comment. */
    private static final int OLDEST_READABLE = 3;
    static final int HEADER = 64;
    private static final int RECENT_TRADE_RECORD = 1 + 8 + 4 + 13 * 8 + 1;

    private SnapshotFormat()
    {
    }

    /** Copies the state into a buffer: the only part of a snapshot that needs the engine paused. */
    static SnapshotBuffer capture(final BusinessLogic logic, final long journalIndex)
    {
        final SnapshotBuffer buffer = new SnapshotBuffer(HEADER + 128 + logic.openOrderCount() * 67 +
            logic.recentTradeCount() * RECENT_TRADE_RECORD);
        buffer.skip(HEADER);
        logic.visit(new Encoder(buffer));
        buffer.putByte('E');
        buffer.putLongAt(0, MAGIC);
        buffer.putIntAt(8, VERSION);
        buffer.putIntAt(12, logic.selfTradePrevention().code());
        buffer.putLongAt(16, logic.lastSeq());
        buffer.putLongAt(24, logic.lastTimestamp());
        buffer.putLongAt(32, journalIndex);
        buffer.putLongAt(40, buffer.length() - HEADER);
        buffer.putLongAt(48, logic.stateHash());
        return buffer;
    }

    /** Fills in the checksums; off the engine's critical path. */
    static void seal(final SnapshotBuffer buffer)
    {
        buffer.putIntAt(56, AtomicFile.crc32c(buffer.array(), HEADER, buffer.length() - HEADER));
        buffer.putIntAt(60, AtomicFile.crc32c(buffer.array(), 0, 60));
    }

    /** The header fields of a checked snapshot. */
    record Header(long lastSeq, long lastTimestamp, long journalIndex, long stateHash, SelfTradePrevention stp)
    {
    }

    /**
     * Checks magic, version, both checksums and the length.
     *
     * @throws JournalException naming {@code name} and what is wrong
     */
    static Header check(final String name, final byte[] file)
    {
        if (file.length < HEADER)
        {
            throw new JournalException("snapshot " + name + " is truncated (" + file.length + " bytes, header needs 64)");
        }
        final ByteBuffer in = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        if (in.getLong(0) != MAGIC)
        {
            throw new JournalException("snapshot " + name + " is not an engine snapshot (bad magic)");
        }
        if (in.getInt(8) >= 1 && in.getInt(8) < OLDEST_READABLE)
        {
            throw new JournalException("snapshot " + name + " has format version " + in.getInt(8) + ", which holds no " +
                "recent trades (needed to bust a trade the same way after recovery); this engine reads version " + VERSION +
                ": move the old snapshot aside and recover by replaying the journal");
        }
        if (in.getInt(8) < OLDEST_READABLE || in.getInt(8) > VERSION)
        {
            throw new JournalException("snapshot " + name + " has format version " + in.getInt(8) +
                "; this engine reads versions " + OLDEST_READABLE + " to " + VERSION);
        }
        if (in.getInt(60) != AtomicFile.crc32c(file, 0, 60))
        {
            throw new JournalException("snapshot " + name + ": header checksum mismatch");
        }
        final long bodyLength = in.getLong(40);
        if (bodyLength != file.length - HEADER)
        {
            throw new JournalException("snapshot " + name + " is truncated: body should be " + bodyLength + " bytes, file has " +
                (file.length - HEADER));
        }
        if (in.getInt(56) != AtomicFile.crc32c(file, HEADER, file.length - HEADER))
        {
            throw new JournalException("snapshot " + name + ": body checksum mismatch");
        }
        final SelfTradePrevention stp;
        try
        {
            stp = SelfTradePrevention.fromCode(in.getInt(12));
        }
        catch (final IllegalArgumentException e)
        {
            throw new JournalException("snapshot " + name + ": " + e.getMessage() + " at offset 12", e);
        }
        return new Header(in.getLong(16), in.getLong(24), in.getLong(32), in.getLong(48), stp);
    }

    /** Rebuilds the state of a checked snapshot into {@code logic}, which must be empty. */
    static void restore(final String name, final byte[] file, final BusinessLogic logic)
    {
        final ByteBuffer in = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        final int version = in.getInt(8);
        in.position(HEADER);
        final StateRestorer restorer = logic.restorer();
        while (true)
        {
            final int tag = in.get();
            switch (tag)
            {
                case 'I' -> restorer.instrument(in.getLong(), in.getLong(), in.getLong(), in.getLong(), in.getLong(),
                    in.getLong(), in.getLong(), in.getLong());
                case 'O' -> restoreOrder(name, in, restorer);
                case 'A' -> restorer.account(in.getLong());
                case 'B' -> restorer.balance(in.getLong(), in.getLong(), in.getLong(), in.getLong(), in.getLong());
                case 'W' -> restorer.withdrawal(in.getLong(), in.getLong(), in.getLong(), in.getLong(), in.getLong(),
                    in.getLong(), in.getInt(), in.getInt(), in.getLong(), version >= 4 && in.get() != 0);
                case 'T' -> restorer.creditedTransfer(in.getLong());
                case 'R' -> restorer.recentTrade(in.getLong(), in.getInt(), in.getLong(), in.getLong(), in.getLong(),
                    in.getLong(), in.getLong(), in.getLong(), in.getLong(), in.getLong(), in.getLong(), in.getLong(),
                    in.getLong(), in.getLong(), in.get() != 0);
                case 'E' ->
                {
                    restorer.position(in.getLong(16), in.getLong(24));
                    return;
                }
                default -> throw new JournalException("snapshot " + name + ": unknown record tag " + tag + " at offset " +
                    (in.position() - 1));
            }
        }
    }

    private static void restoreOrder(final String name, final ByteBuffer in, final StateRestorer restorer)
    {
        final long symbolHi = in.getLong();
        final long symbolLo = in.getLong();
        final long orderId = in.getLong();
        final long account = in.getLong();
        final long price = in.getLong();
        final long openQty = in.getLong();
        final long filledQty = in.getLong();
        final long expiry = in.getLong();
        final Side side;
        final TimeInForce tif;
        try
        {
            side = Side.fromCode(in.get());
            tif = TimeInForce.fromCode(in.get());
        }
        catch (final IllegalArgumentException e)
        {
            throw new JournalException("snapshot " + name + ": " + e.getMessage() + " in the order record ending at offset " +
                in.position(), e);
        }
        restorer.restingOrder(symbolHi, symbolLo, orderId, account, side, tif, price, openQty, filledQty, expiry);
    }

    /** Writes each visited part of the state as a tagged record. */
    private static final class Encoder implements StateVisitor
    {
        private final SnapshotBuffer out;

        Encoder(final SnapshotBuffer out)
        {
            this.out = out;
        }

        @Override
        public void instrument(final Instrument instrument)
        {
            out.putByte('I');
            out.putLong(instrument.symbolHi());
            out.putLong(instrument.symbolLo());
            out.putLong(instrument.baseAssetHi());
            out.putLong(instrument.baseAssetLo());
            out.putLong(instrument.quoteAssetHi());
            out.putLong(instrument.quoteAssetLo());
            out.putLong(instrument.baseScale());
            out.putLong(instrument.quoteScale());
        }

        @Override
        public void restingOrder(final Instrument instrument, final Order order)
        {
            out.putByte('O');
            out.putLong(instrument.symbolHi());
            out.putLong(instrument.symbolLo());
            out.putLong(order.orderId());
            out.putLong(order.account());
            out.putLong(order.price());
            out.putLong(order.openQty());
            out.putLong(order.filledQty());
            out.putLong(order.expiry());
            out.putByte(order.side().code());
            out.putByte(order.tif().code());
        }

        @Override
        public void account(final long account)
        {
            out.putByte('A');
            out.putLong(account);
        }

        @Override
        public void balance(final long account, final long assetHi, final long assetLo, final long available,
            final long reserved)
        {
            out.putByte('B');
            out.putLong(account);
            out.putLong(assetHi);
            out.putLong(assetLo);
            out.putLong(available);
            out.putLong(reserved);
        }

        @Override
        public void withdrawal(final long sagaId, final long account, final long assetHi, final long assetLo,
            final long amount, final long timeout, final int attempt, final int maxAttempts, final long deadline,
            final boolean cancelling)
        {
            out.putByte('W');
            out.putLong(sagaId);
            out.putLong(account);
            out.putLong(assetHi);
            out.putLong(assetLo);
            out.putLong(amount);
            out.putLong(timeout);
            out.putInt(attempt);
            out.putInt(maxAttempts);
            out.putLong(deadline);
            out.putByte(cancelling ? 1 : 0);
        }

        @Override
        public void creditedTransfer(final long txId)
        {
            out.putByte('T');
            out.putLong(txId);
        }

        @Override
        public void recentTrade(final long seq, final int index, final long symbolHi, final long symbolLo,
            final long price, final long qty, final long buyer, final long seller, final long baseHi, final long baseLo,
            final long quoteHi, final long quoteLo, final long baseAmount, final long quoteAmount, final boolean busted)
        {
            out.putByte('R');
            out.putLong(seq);
            out.putInt(index);
            out.putLong(symbolHi);
            out.putLong(symbolLo);
            out.putLong(price);
            out.putLong(qty);
            out.putLong(buyer);
            out.putLong(seller);
            out.putLong(baseHi);
            out.putLong(baseLo);
            out.putLong(quoteHi);
            out.putLong(quoteLo);
            out.putLong(baseAmount);
            out.putLong(quoteAmount);
            out.putByte(busted ? 1 : 0);
        }
    }
}
