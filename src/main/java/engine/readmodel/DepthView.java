package engine.readmodel;

import engine.api.Side;
import engine.core.EventBatch;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ObjLongConsumer;

/**
 * Order-book depth per symbol: resting quantity and order count per price level, best first.
 * Levels are sorted primitive arrays with the best price last, where most changes happen, so
 * applying allocates nothing once a book has reached its widest.
 */
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

    /** One side's levels, ordered worst to best: bids by rising price, asks by falling price. */
    private static final class Levels
    {
        private final boolean bids;
        long[] prices = new long[16];
        long[] qtys = new long[16];
        long[] orders = new long[16];
        int count;

        Levels(final boolean bids)
        {
            this.bids = bids;
        }

        /** The index of {@code price}, or {@code -(insertion point) - 1}. */
        int find(final long price)
        {
            final long key = bids ? price : -price;
            int lo = 0;
            int hi = count - 1;
            while (lo <= hi)
            {
                final int mid = (lo + hi) >>> 1;
                final long at = bids ? prices[mid] : -prices[mid];
                if (at < key)
                {
                    lo = mid + 1;
                }
                else if (at > key)
                {
                    hi = mid - 1;
                }
                else
                {
                    return mid;
                }
            }
            return -lo - 1;
        }

        /** The index of {@code price}, inserting an empty level when there is none. */
        int level(final long price)
        {
            final int found = find(price);
            if (found >= 0)
            {
                return found;
            }
            final int at = -found - 1;
            if (count == prices.length)
            {
                prices = Arrays.copyOf(prices, count * 2);
                qtys = Arrays.copyOf(qtys, count * 2);
                orders = Arrays.copyOf(orders, count * 2);
            }
            System.arraycopy(prices, at, prices, at + 1, count - at);
            System.arraycopy(qtys, at, qtys, at + 1, count - at);
            System.arraycopy(orders, at, orders, at + 1, count - at);
            prices[at] = price;
            qtys[at] = 0;
            orders[at] = 0;
            count++;
            return at;
        }

        void remove(final int at)
        {
            System.arraycopy(prices, at + 1, prices, at, count - at - 1);
            System.arraycopy(qtys, at + 1, qtys, at, count - at - 1);
            System.arraycopy(orders, at + 1, orders, at, count - at - 1);
            count--;
        }

        Long best()
        {
            return count == 0 ? null : prices[count - 1];
        }

        List<Level> top(final int levels)
        {
            final List<Level> out = new ArrayList<>(Math.min(levels, count));
            for (int i = count - 1; i >= 0 && out.size() < levels; i--)
            {
                out.add(new Level(prices[i], qtys[i], (int)orders[i]));
            }
            return out;
        }
    }

    private static final class Book
    {
        final Name name;
        final String symbol;
        final Levels bids = new Levels(true);
        final Levels asks = new Levels(false);
        boolean touched;

        Book(final Name name)
        {
            this.name = name;
            this.symbol = name.toString();
        }
    }

    private final SymbolTable symbols = new SymbolTable();
    private final NameMap<Book> books = new NameMap<>();
    private final OrderTracker orders = new OrderTracker(new OrderTracker.Listener()
    {
        @Override
        public void restingChanged(final LiveOrder order, final long price, final long delta)
        {
            changeLevel(order, price, delta);
        }
    });
    /** Books changed by the command being applied, for the change listener. */
    private Book[] touched = new Book[4];
    private int touchedCount;
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

    private Book book(final Name name)
    {
        Book book = books.get(name);
        if (book == null)
        {
            book = new Book(name);
            books.put(name.hi(), name.lo(), book);
        }
        return book;
    }

    private void changeLevel(final LiveOrder order, final long price, final long delta)
    {
        final Book book = book(order.symbol);
        final Levels side = order.side == Side.BUY ? book.bids : book.asks;
        final int at = side.level(price);
        side.qtys[at] += delta;
        // Positive deltas are always an order joining; a negative one is an order leaving when it
        // no longer rests (cancel, amend) or was filled to zero, else a partial fill.
        if (delta > 0)
        {
            side.orders[at]++;
        }
        else if (!order.resting || order.openQty == 0)
        {
            side.orders[at]--;
        }
        if (side.qtys[at] <= 0)
        {
            side.remove(at);
        }
        if (changeListener != null && !book.touched)
        {
            book.touched = true;
            if (touchedCount == touched.length)
            {
                touched = Arrays.copyOf(touched, touchedCount * 2);
            }
            touched[touchedCount++] = book;
        }
    }

    @Override
    protected void afterApply(final EventBatch batch)
    {
        final ObjLongConsumer<String> listener = changeListener;
        final int count = touchedCount;
        touchedCount = 0;
        for (int i = 0; i < count; i++)
        {
            final Book book = touched[i];
            touched[i] = null;
            book.touched = false;
            if (listener != null)
            {
                listener.accept(book.symbol, batch.seq());
            }
        }
    }

    @Override
    void writeState(final DataOutputStream out) throws IOException
    {
        symbols.writeTo(out);
        orders.writeTo(out);
        final List<Book> all = books.values();
        out.writeInt(all.size());
        for (final Book book : all)
        {
            SnapshotIO.writeName(out, book.name);
            writeSide(out, book.bids);
            writeSide(out, book.asks);
        }
    }

    private static void writeSide(final DataOutputStream out, final Levels side) throws IOException
    {
        out.writeInt(side.count);
        for (int i = side.count - 1; i >= 0; i--)
        {
            out.writeLong(side.prices[i]);
            out.writeLong(side.qtys[i]);
            out.writeLong(side.orders[i]);
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
            final Name name = SnapshotIO.readName(in);
            if (name == null)
            {
                throw new IOException("book without a symbol");
            }
            final Book book = book(name);
            readSide(in, book.bids);
            readSide(in, book.asks);
        }
    }

    private static void readSide(final DataInputStream in, final Levels side) throws IOException
    {
        final int n = SnapshotIO.readCount(in, Integer.MAX_VALUE);
        for (int i = 0; i < n; i++)
        {
            final int at = side.level(in.readLong());
            side.qtys[at] = in.readLong();
            side.orders[at] = in.readLong();
        }
    }

    /**
     * Tells {@code listener} (symbol, seq) after each command that changed a book, after any
     * listener added before (HTTP streams, FIX market data). It runs on the handler thread and
     * must only hand the news on, never block.
     */
    public synchronized void onChange(final ObjLongConsumer<String> listener)
    {
        final ObjLongConsumer<String> prior = changeListener;
        changeListener = prior == null ? listener : (symbol, seq) ->
        {
            prior.accept(symbol, seq);
            listener.accept(symbol, seq);
        };
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
        return new Depth(symbol, book.bids.best(), book.asks.best(), book.bids.top(levels), book.asks.top(levels));
    }
}
