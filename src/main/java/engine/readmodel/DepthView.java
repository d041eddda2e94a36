package engine.readmodel;

import engine.api.Side;
import engine.core.EventBatch;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.ObjLongConsumer;

/** Order-book depth per symbol: resting quantity and order count per price level, best first. */
public final class DepthView extends ReadModel
{
    /** One aggregated price level. */
    public record Level(long price, long qty, int orders)
    {
    }

    /** The top levels of one book; {@code bestBid}/{@code bestAsk} are null on an empty side. */
    public record Depth(String symbol, Long bestBid, Long bestAsk, List<Level> bids, List<Level> asks)
    {
    }

    private static final class Book
    {
        final NavigableMap<Long, long[]> bids = new TreeMap<>(Collections.reverseOrder());
        final NavigableMap<Long, long[]> asks = new TreeMap<>();
    }

    private final SymbolTable symbols = new SymbolTable();
    private final Map<Name, Book> books = new HashMap<>();
    private final OrderTracker orders = new OrderTracker(new OrderTracker.Listener()
    {
        @Override
        public void restingChanged(final LiveOrder order, final long price, final long delta)
        {
            changeLevel(order, price, delta);
        }
    });
    private final Set<Name> touched = new HashSet<>();
    private volatile ObjLongConsumer<String> changeListener;

    @Override
    protected void apply(final EventBatch b)
    {
        for (int i = 0; i < b.count(); i++)
        {
            symbols.onEvent(b, i);
        }
        orders.apply(b);
    }

    private void changeLevel(final LiveOrder order, final long price, final long delta)
    {
        final Book book = books.computeIfAbsent(order.symbol, k -> new Book());
        final NavigableMap<Long, long[]> side = order.side == Side.BUY ? book.bids : book.asks;
        final long[] level = side.computeIfAbsent(price, k -> new long[2]);
        level[0] += delta;
        // Positive deltas are always an order joining; a negative one is an order leaving when it
        // no longer rests (cancel, amend) or was filled to zero, else a partial fill.
        if (delta > 0)
        {
            level[1]++;
        }
        else if (!order.resting || order.openQty == 0)
        {
            level[1]--;
        }
        if (level[0] <= 0)
        {
            side.remove(price);
        }
        if (changeListener != null)
        {
            touched.add(order.symbol);
        }
    }

    @Override
    protected void afterApply(final EventBatch batch)
    {
        final ObjLongConsumer<String> listener = changeListener;
        if (listener == null || touched.isEmpty())
        {
            return;
        }
        final List<String> names = new ArrayList<>(touched.size());
        for (final Name name : touched)
        {
            names.add(name.toString());
        }
        touched.clear();
        for (final String name : names)
        {
            listener.accept(name, batch.seq());
        }
    }

    @Override
    void writeState(final DataOutputStream out) throws IOException
    {
        symbols.writeTo(out);
        orders.writeTo(out);
        out.writeInt(books.size());
        for (final Map.Entry<Name, Book> e : books.entrySet())
        {
            SnapshotIO.writeName(out, e.getKey());
            writeSide(out, e.getValue().bids);
            writeSide(out, e.getValue().asks);
        }
    }

    private static void writeSide(final DataOutputStream out, final NavigableMap<Long, long[]> side) throws IOException
    {
        out.writeInt(side.size());
        for (final Map.Entry<Long, long[]> level : side.entrySet())
        {
            out.writeLong(level.getKey());
            out.writeLong(level.getValue()[0]);
            out.writeLong(level.getValue()[1]);
        }
    }

    @Override
    void readState(final DataInputStream in) throws IOException
    {
        symbols.readFrom(in);
        orders.readFrom(in);
        final int n = SnapshotIO.readCount(in, Integer.MAX_VALUE);
        for (int i = 0; i < n; i++)
        {
            final Book book = new Book();
            books.put(SnapshotIO.readName(in), book);
            readSide(in, book.bids);
            readSide(in, book.asks);
        }
    }

    private static void readSide(final DataInputStream in, final NavigableMap<Long, long[]> side) throws IOException
    {
        final int n = SnapshotIO.readCount(in, Integer.MAX_VALUE);
        for (int i = 0; i < n; i++)
        {
            side.put(in.readLong(), new long[] {in.readLong(), in.readLong()});
        }
    }

    /**
     * Tells {@code listener} (symbol, seq) after each command that changed a book. It runs on the
     * handler thread and must only hand the news on, never block.
     */
    public void onChange(final ObjLongConsumer<String> listener)
    {
        changeListener = listener;
    }

    /** Whether a SYMBOL_ADDED for {@code symbol} has been applied. */
    public synchronized boolean hasSymbol(final String symbol)
    {
        return symbols.get(Name.of(symbol)) != null;
    }

    /** Every symbol a SYMBOL_ADDED has named, sorted. */
    public AsOf<List<String>> symbols()
    {
        return read(() -> symbols.names());
    }

    /** The best {@code levels} levels per side of {@code symbol}; a null value for an unknown symbol. */
    public AsOf<Depth> depth(final String symbol, final int levels)
    {
        final Name name = Name.of(symbol);
        return read(() -> symbols.get(name) == null ? null : copy(symbol, books.get(name), levels));
    }

    private static Depth copy(final String symbol, final Book book, final int levels)
    {
        if (book == null)
        {
            return new Depth(symbol, null, null, List.of(), List.of());
        }
        final List<Level> bids = top(book.bids, levels);
        final List<Level> asks = top(book.asks, levels);
        return new Depth(symbol, book.bids.isEmpty() ? null : book.bids.firstKey(),
            book.asks.isEmpty() ? null : book.asks.firstKey(), bids, asks);
    }

    private static List<Level> top(final NavigableMap<Long, long[]> side, final int levels)
    {
        final List<Level> out = new ArrayList<>(Math.min(levels, side.size()));
        for (final Map.Entry<Long, long[]> e : side.entrySet())
        {
            if (out.size() >= levels)
            {
                break;
            }
            out.add(new Level(e.getKey(), e.getValue()[0], (int)e.getValue()[1]));
        }
        return out;
    }
}
