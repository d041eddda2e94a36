package engine.readmodel;

import engine.api.EventType;
import engine.api.Side;
import engine.core.EventBatch;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Recent trades and OHLCV candles (1 s, 1 min, 5 min, 1 h) per symbol, bounded in memory. */
public final class TradeView extends ReadModel
{
    /** One trade as printed on the tape. */
    public record Trade(long seq, long timestamp, String symbol, long price, long qty, Side takerSide,
        long takerOrderId, long makerOrderId)
    {
    }

    /** One candle; {@code start} is in command-time units, a multiple of the interval. */
    public record Candle(long start, long open, long high, long low, long close, long volume, int trades)
    {
    }

    /** Candle widths. */
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

    private static final class Series
    {
        final ArrayDeque<Trade> tape = new ArrayDeque<>();
        final ArrayDeque<long[]>[] candles;

        @SuppressWarnings("unchecked")
        Series()
        {
            candles = new ArrayDeque[Interval.values().length];
            for (int k = 0; k < candles.length; k++)
            {
                candles[k] = new ArrayDeque<>();
            }
        }
    }

    private final int tapeSize;
    private final int candleCount;
    private final long[] widths = new long[Interval.values().length];
    private final Map<Name, Series> series = new HashMap<>();
    private final List<Trade> fresh = new ArrayList<>();
    private volatile Consumer<Trade> tradeListener;

    /**
     * @param timeUnitNanos the unit of command timestamps (1 ms in live mode)
     * @param tapeSize trades kept per symbol
     * @param candleCount candles kept per symbol and interval
     */
    public TradeView(final long timeUnitNanos, final int tapeSize, final int candleCount)
    {
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
        for (int i = 0; i < b.count(); i++)
        {
            if (b.type(i) == EventType.TRADE)
            {
                final Name name = new Name(b.nameHi(i), b.nameLo(i));
                final Trade trade = new Trade(b.seq(), b.timestamp(), name.toString(), b.price(i), b.qty(i), b.side(i),
                    b.orderId(i), b.makerOrderId(i));
                record(series.computeIfAbsent(name, k -> new Series()), trade);
                if (tradeListener != null)
                {
                    fresh.add(trade);
                }
            }
        }
    }

    private void record(final Series s, final Trade trade)
    {
        s.tape.addLast(trade);
        if (s.tape.size() > tapeSize)
        {
            s.tape.removeFirst();
        }
        for (int k = 0; k < widths.length; k++)
        {
            final long start = Math.floorDiv(trade.timestamp(), widths[k]) * widths[k];
            final ArrayDeque<long[]> list = s.candles[k];
            final long[] last = list.peekLast();
            // Timestamps never go back, so a trade either extends the last candle or opens a new one.
            if (last != null && last[0] == start)
            {
                last[2] = Math.max(last[2], trade.price());
                last[3] = Math.min(last[3], trade.price());
                last[4] = trade.price();
                last[5] += trade.qty();
                last[6]++;
            }
            else
            {
                list.addLast(new long[] {start, trade.price(), trade.price(), trade.price(), trade.price(), trade.qty(), 1});
                if (list.size() > candleCount)
                {
                    list.removeFirst();
                }
            }
        }
    }

    @Override
    protected void afterApply(final EventBatch batch)
    {
        final Consumer<Trade> listener = tradeListener;
        if (listener == null || fresh.isEmpty())
        {
            fresh.clear();
            return;
        }
        for (final Trade trade : fresh)
        {
            listener.accept(trade);
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
        out.writeInt(series.size());
        for (final Map.Entry<Name, Series> e : series.entrySet())
        {
            SnapshotIO.writeName(out, e.getKey());
            final Series s = e.getValue();
            out.writeInt(s.tape.size());
            for (final Trade t : s.tape)
            {
                out.writeLong(t.seq());
                out.writeLong(t.timestamp());
                out.writeLong(t.price());
                out.writeLong(t.qty());
                SnapshotIO.writeEnum(out, t.takerSide());
                out.writeLong(t.takerOrderId());
                out.writeLong(t.makerOrderId());
            }
            for (final ArrayDeque<long[]> list : s.candles)
            {
                out.writeInt(list.size());
                for (final long[] c : list)
                {
                    for (final long word : c)
                    {
                        out.writeLong(word);
                    }
                }
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
            final String symbol = name.toString();
            final Series s = new Series();
            series.put(name, s);
            final int trades = SnapshotIO.readCount(in, Integer.MAX_VALUE);
            for (int t = 0; t < trades; t++)
            {
                final long seq = in.readLong();
                final long timestamp = in.readLong();
                final long price = in.readLong();
                final long qty = in.readLong();
                final Side side = SnapshotIO.readEnum(in, Side.class);
                s.tape.addLast(new Trade(seq, timestamp, symbol, price, qty, side, in.readLong(), in.readLong()));
            }
            for (final ArrayDeque<long[]> list : s.candles)
            {
                final int candles = SnapshotIO.readCount(in, Integer.MAX_VALUE);
                for (int c = 0; c < candles; c++)
                {
                    final long[] candle = new long[7];
                    for (int w = 0; w < candle.length; w++)
                    {
                        candle[w] = in.readLong();
                    }
                    list.addLast(candle);
                }
            }
        }
    }

    /** Tells {@code listener} of each new trade, on the handler thread: it must not block. */
    public void onTrade(final Consumer<Trade> listener)
    {
        tradeListener = listener;
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
                final Iterator<Trade> it = s.tape.descendingIterator();
                while (it.hasNext() && out.size() < limit)
                {
                    out.add(it.next());
                }
            }
            return out;
        });
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
                final Iterator<long[]> it = s.candles[interval.ordinal()].descendingIterator();
                while (it.hasNext() && out.size() < limit)
                {
                    final long[] c = it.next();
                    out.add(0, new Candle(c[0], c[1], c[2], c[3], c[4], c[5], (int)c[6]));
                }
            }
            return out;
        });
    }
}
