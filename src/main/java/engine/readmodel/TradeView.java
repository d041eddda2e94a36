package engine.readmodel;

import engine.api.EventType;
import engine.api.Side;
import engine.core.EventBatch;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Recent trades and OHLCV candles (one series per {@link Interval}) per symbol, bounded in
 * memory: the last {@code tapeSize} trades and {@code candleCount} candles per interval of each
 * symbol, in primitive rings, so applying allocates nothing once they are full.
 */
public final class TradeView extends ReadModel
{
    /**
     * One trade as printed on the tape.
     *
     * @param tradeIndex the trade's 0-based position among the trades of command {@code seq}: with it, the trade's id
     *                   for TRADE_BUST; -1 when the tape no longer holds the command's first trades to count from
     */
    public record Trade(long seq, long timestamp, String symbol, long price, long qty, Side takerSide,
        long takerOrderId, long makerOrderId, long tradeIndex)
    {
    }

    /** One candle; {@code start} is in command-time units, a multiple of the interval. */
    public record Candle(long start, long open, long high, long low, long close, long volume, int trades)
    {
    }

    /** Candle widths; add one here and every series, snapshot and query has it. */
    public enum Interval
    {
        S1(1_000_000_000L),
        M1(60_000_000_000L),
        M5(300_000_000_000L),
        H1(3_600_000_000_000L);

        final long nanos;

        Interval(final long nanos)
        {
            this.nanos = nanos;
        }
    }

    /** One symbol's tape and candles, as primitive rings. */
    private static final class Series
    {
        final Name name;
        final String symbol;
        final RecordRing tape;
        final RecordRing[] candles;

        Series(final Name name, final int tapeSize, final int candleCount, final int intervals)
        {
            this.name = name;
            this.symbol = name.toString();
            tape = new RecordRing(TRADE_WORDS, tapeSize);
            candles = new RecordRing[intervals];
            for (int k = 0; k < intervals; k++)
            {
                candles[k] = new RecordRing(CANDLE_WORDS, candleCount);
            }
        }
    }

    /** Who hears of new trades, and of which symbols. */
    private record TradeListener(Predicate<String> symbols, Consumer<Trade> consumer)
    {
    }

    private static final int SEQ = 0;
    private static final int TIMESTAMP = 1;
    private static final int PRICE = 2;
    private static final int QTY = 3;
    private static final int SIDE = 4;
    private static final int TAKER = 5;
    private static final int MAKER = 6;
    private static final int TRADE_WORDS = 7;
    private static final int START = 0;
    private static final int OPEN = 1;
    private static final int HIGH = 2;
    private static final int LOW = 3;
    private static final int CLOSE = 4;
    private static final int VOLUME = 5;
    private static final int COUNT = 6;
    private static final int CANDLE_WORDS = 7;

    private final int tapeSize;
    private final int candleCount;
    private final long[] widths = new long[Interval.values().length];
    private final NameMap<Series> series = new NameMap<>();
    private final List<Trade> fresh = new ArrayList<>();
    private volatile TradeListener tradeListener;

    /**
     * @param timeUnitNanos the unit of command timestamps (1 ms in live mode)
     * @param tapeSize trades kept per symbol
     * @param candleCount candles kept per symbol and interval
     */
    public TradeView(final long timeUnitNanos, final int tapeSize, final int candleCount)
    {
        if (tapeSize < 1 || candleCount < 1)
        {
            throw new IllegalArgumentException("tapeSize " + tapeSize + " and candleCount " + candleCount +
                " must be positive");
        }
        this.tapeSize = tapeSize;
        this.candleCount = candleCount;
        for (final Interval interval : Interval.values())
        {
            widths[interval.ordinal()] = Math.max(1, interval.nanos / timeUnitNanos);
        }
    }

    @Override
    protected void apply(final EventBatch b)
    {
        final TradeListener listener = tradeListener;
        int tradeIndex = 0;
        for (int i = 0; i < b.count(); i++)
        {
            if (b.type(i) == EventType.TRADE)
            {
                final int index = tradeIndex++;
                final Series s = series(b.nameHi(i), b.nameLo(i));
                record(s, b.seq(), b.timestamp(), b.price(i), b.qty(i), b.side(i).code(), b.orderId(i),
                    b.makerOrderId(i));
                if (listener != null && listener.symbols().test(s.symbol))
                {
                    fresh.add(new Trade(b.seq(), b.timestamp(), s.symbol, b.price(i), b.qty(i), b.side(i),
                        b.orderId(i), b.makerOrderId(i), index));
                }
            }
        }
    }

    private Series series(final long hi, final long lo)
    {
        Series s = series.get(hi, lo);
        if (s == null)
        {
            s = new Series(new Name(hi, lo), tapeSize, candleCount, widths.length);
            series.put(hi, lo, s);
        }
        return s;
    }

    private void record(final Series s, final long seq, final long timestamp, final long price, final long qty,
        final int side, final long taker, final long maker)
    {
        final int at = s.tape.append();
        s.tape.set(at, SEQ, seq);
        s.tape.set(at, TIMESTAMP, timestamp);
        s.tape.set(at, PRICE, price);
        s.tape.set(at, QTY, qty);
        s.tape.set(at, SIDE, side);
        s.tape.set(at, TAKER, taker);
        s.tape.set(at, MAKER, maker);
        for (int k = 0; k < widths.length; k++)
        {
            final long start = Math.floorDiv(timestamp, widths[k]) * widths[k];
            final RecordRing ring = s.candles[k];
            final int last = ring.size() == 0 ? -1 : ring.offset(ring.size() - 1);
            // Timestamps never go back, so a trade either extends the last candle or opens a new one.
            if (last >= 0 && ring.get(last, START) == start)
            {
                ring.set(last, HIGH, Math.max(ring.get(last, HIGH), price));
                ring.set(last, LOW, Math.min(ring.get(last, LOW), price));
                ring.set(last, CLOSE, price);
                ring.set(last, VOLUME, ring.get(last, VOLUME) + qty);
                ring.set(last, COUNT, ring.get(last, COUNT) + 1);
            }
            else
            {
                final int c = ring.append();
                ring.set(c, START, start);
                ring.set(c, OPEN, price);
                ring.set(c, HIGH, price);
                ring.set(c, LOW, price);
                ring.set(c, CLOSE, price);
                ring.set(c, VOLUME, qty);
                ring.set(c, COUNT, 1);
            }
        }
    }

    @Override
    protected void afterApply(final EventBatch batch)
    {
        final TradeListener listener = tradeListener;
        if (listener != null)
        {
            for (int i = 0; i < fresh.size(); i++)
            {
                listener.consumer().accept(fresh.get(i));
            }
        }
        fresh.clear();
    }

    @Override
    void writeState(final DataOutputStream out) throws IOException
    {
        out.writeInt(widths.length);
        for (final long width : widths)
        {
            out.writeLong(width);
        }
        final List<Series> all = series.values();
        out.writeInt(all.size());
        for (final Series s : all)
        {
            SnapshotIO.writeName(out, s.name);
            writeRing(out, s.tape);
            for (final RecordRing ring : s.candles)
            {
                writeRing(out, ring);
            }
        }
    }

    private static void writeRing(final DataOutputStream out, final RecordRing ring) throws IOException
    {
        out.writeInt(ring.size());
        for (int i = 0; i < ring.size(); i++)
        {
            for (int w = 0; w < ring.width(); w++)
            {
                out.writeLong(ring.get(ring.offset(i), w));
            }
        }
    }

    @Override
    void readState(final DataInputStream in) throws IOException
    {
        final int n = SnapshotIO.readCount(in, 64);
        if (n != widths.length)
        {
            throw new IOException("snapshot has " + n + " candle intervals, not " + widths.length);
        }
        for (int k = 0; k < n; k++)
        {
            final long width = in.readLong();
            if (width != widths[k])
            {
                throw new IOException("snapshot candle width " + width + " differs from " + widths[k] +
                    " (another --time-unit-nanos?)");
            }
        }
        final int count = SnapshotIO.readCount(in, Integer.MAX_VALUE);
        for (int i = 0; i < count; i++)
        {
            final Name name = SnapshotIO.readName(in);
            if (name == null)
            {
                throw new IOException("trade series without a symbol");
            }
            final Series s = series(name.hi(), name.lo());
            readRing(in, s.tape);
            for (final RecordRing ring : s.candles)
            {
                readRing(in, ring);
            }
        }
    }

    /** Appends the records {@link #writeRing} wrote; a smaller ring keeps the newest. */
    private static void readRing(final DataInputStream in, final RecordRing ring) throws IOException
    {
        final int n = SnapshotIO.readCount(in, Integer.MAX_VALUE);
        for (int i = 0; i < n; i++)
        {
            final int at = ring.append();
            for (int w = 0; w < ring.width(); w++)
            {
                ring.set(at, w, in.readLong());
            }
        }
    }

    /**
     * Tells {@code listener} of each new trade, after any listener added before, on the handler
     * thread: it must not block.
     */
    public synchronized void onTrade(final Consumer<Trade> listener)
    {
        onTrade(symbol -> true, listener);
    }

    /**
     * Tells {@code listener} of each new trade in a symbol that {@code symbols} accepts, after any
     * listener added before, on the handler thread: neither may block. Trade objects are made
     * only for symbols some listener accepts, so a listener nobody watches costs no allocation.
     */
    public synchronized void onTrade(final Predicate<String> symbols, final Consumer<Trade> listener)
    {
        final TradeListener prior = tradeListener;
        tradeListener = prior == null ? new TradeListener(symbols, listener) : new TradeListener(
            symbol -> prior.symbols().test(symbol) || symbols.test(symbol),
            trade ->
            {
                if (prior.symbols().test(trade.symbol()))
                {
                    prior.consumer().accept(trade);
                }
                if (symbols.test(trade.symbol()))
                {
                    listener.accept(trade);
                }
            });
    }

    /** The latest {@code limit} trades of {@code symbol}, newest first. */
    public AsOf<List<Trade>> trades(final String symbol, final int limit)
    {
        final Name name = Name.of(symbol);
        return read(() ->
        {
            final Series s = series.get(name);
            final List<Trade> out = new ArrayList<>();
            if (s != null)
            {
                for (int i = s.tape.size() - 1; i >= 0 && out.size() < limit; i--)
                {
                    final int at = s.tape.offset(i);
                    out.add(new Trade(s.tape.get(at, SEQ), s.tape.get(at, TIMESTAMP), s.symbol, s.tape.get(at, PRICE),
                        s.tape.get(at, QTY), Side.fromCode((int)s.tape.get(at, SIDE)), s.tape.get(at, TAKER),
                        s.tape.get(at, MAKER), tradeIndex(s.tape, i)));
                }
            }
            return out;
        });
    }

    /**
     * The position of tape entry {@code i} among its command's trades: all of a command's trades are of one symbol and
     * follow each other on its tape, so it is the number of entries just before it with the same seq; unknown (-1)
     * when those reach back to the oldest entry of a full tape, which may have dropped earlier ones.
     */
    private static long tradeIndex(final RecordRing tape, final int i)
    {
        final long seq = tape.get(tape.offset(i), SEQ);
        int first = i;
        while (first > 0 && tape.get(tape.offset(first - 1), SEQ) == seq)
        {
            first--;
        }
        return first == 0 && tape.isFull() ? -1 : i - first;
    }

    /** The latest {@code limit} candles of {@code symbol}, oldest first. */
    public AsOf<List<Candle>> candles(final String symbol, final Interval interval, final int limit)
    {
        final Name name = Name.of(symbol);
        return read(() ->
        {
            final Series s = series.get(name);
            final List<Candle> out = new ArrayList<>();
            if (s != null)
            {
                final RecordRing ring = s.candles[interval.ordinal()];
                for (int i = Math.max(0, ring.size() - limit); i < ring.size(); i++)
                {
                    final int c = ring.offset(i);
                    out.add(new Candle(ring.get(c, START), ring.get(c, OPEN), ring.get(c, HIGH), ring.get(c, LOW),
                        ring.get(c, CLOSE), ring.get(c, VOLUME), (int)ring.get(c, COUNT)));
                }
            }
            return out;
        });
    }

    /** Trades kept now for {@code symbol}; for retention tests. */
    synchronized int keptTrades(final String symbol)
    {
        final Series s = series.get(Name.of(symbol));
        return s == null ? 0 : s.tape.size();
    }

    /** Candles kept now for {@code symbol} at {@code interval}; for retention tests. */
    synchronized int keptCandles(final String symbol, final Interval interval)
    {
        final Series s = series.get(Name.of(symbol));
        return s == null ? 0 : s.candles[interval.ordinal()].size();
    }
}
