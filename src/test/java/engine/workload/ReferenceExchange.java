package engine.workload;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;

/**
 * A plain, slow price-time matcher for checking generated workloads, written apart from the
 * generator's own mirror: it replays command lines (self-trade prevention off, funds assumed ample)
 * and counts cancels and amends of orders that are not open, invalid amends, reused open ids and
 * trades.
 */
final class ReferenceExchange
{
    long unknownTargets;
    long reusedIds;
    long trades;
    long sellsWithoutBase;
    long invalidAmends;

    private final Map<Long, Order> open = new HashMap<>();
    private final Map<String, Book> books = new HashMap<>();
    private final Set<String> holdings = new HashSet<>();
    private final PriorityQueue<Order> byExpiry =
            new PriorityQueue<>(Comparator.comparingLong((Order o) -> o.expiry).thenComparingLong(o -> o.id));
    private long time;

    private static final class Order
    {
        long id;
        long account;
        Book book;
        boolean buy;
        boolean postOnly;
        long price;
        long total;
        long open;
        long expiry = Long.MAX_VALUE;
    }

    private static final class Book
    {
        final String baseAsset;
        final TreeMap<Long, ArrayDeque<Order>> bids = new TreeMap<>(Comparator.reverseOrder());
        final TreeMap<Long, ArrayDeque<Order>> asks = new TreeMap<>();

        Book(String baseAsset)
        {
            this.baseAsset = baseAsset;
        }

        TreeMap<Long, ArrayDeque<Order>> side(boolean buy)
        {
            return buy ? bids : asks;
        }
    }

    void apply(String[] f)
    {
        if (!f[1].isEmpty())
        {
            time = Long.parseLong(f[1]);
        }
        expire();
        switch (f[0])
        {
            case "SYMBOL" -> books.put(f[2], new Book(f[3]));
            case "DEPOSIT" -> holdings.add(f[2] + ":" + f[3]);
            case "PLACE" -> place(f);
            case "CANCEL" ->
            {
                Order o = target(f);
                if (o != null)
                {
                    remove(o);
                }
            }
            case "AMEND" -> amend(f);
            default -> { }
        }
    }

    private void place(String[] f)
    {
        Order o = new Order();
        o.id = Long.parseLong(f[3]);
        o.account = Long.parseLong(f[2]);
        o.book = books.get(f[4]);
        o.buy = f[5].equals("BUY");
        boolean market = f[6].equals("MARKET");
        String tif = f[7];
        o.postOnly = tif.equals("POST_ONLY");
        o.price = market ? (o.buy ? Long.MAX_VALUE : Long.MIN_VALUE) : Long.parseLong(f[8]);
        o.total = Long.parseLong(f[9]);
        o.open = o.total;
        if (tif.startsWith("GTD:"))
        {
            o.expiry = Long.parseLong(tif.substring(4));
        }
        if (!o.buy && !holdings.contains(o.account + ":" + o.book.baseAsset))
        {
            sellsWithoutBase++;
        }
        if (open.containsKey(o.id))
        {
            reusedIds++;
            return;
        }
        if (o.postOnly && crosses(o))
        {
            return;
        }
        if (tif.equals("FOK") && fillable(o) < o.open)
        {
            return;
        }
        match(o);
        if (o.open > 0 && !tif.equals("IOC") && !tif.equals("FOK"))
        {
            rest(o);
        }
    }

    private void amend(String[] f)
    {
        Order o = target(f);
        if (o == null)
        {
            return;
        }
        long newPrice = f[4].isEmpty() ? o.price : Long.parseLong(f[4]);
        long newTotal = f[5].isEmpty() ? o.total : Long.parseLong(f[5]);
        if (newTotal <= 0 || newPrice <= 0)
        {
            invalidAmends++; // INVALID_QTY or INVALID_PRICE: unchanged
            return;
        }
        long newOpen = newTotal - (o.total - o.open);
        if (newOpen <= 0)
        {
            remove(o);
            return;
        }
        if (newPrice == o.price && newOpen <= o.open)
        {
            o.total = newTotal;
            o.open = newOpen;
            return;
        }
        if (o.postOnly && newPrice != o.price && crossesAt(o.book, o.buy, newPrice))
        {
            return;
        }
        remove(o);
        o.price = newPrice;
        o.total = newTotal;
        o.open = newOpen;
        match(o);
        if (o.open > 0)
        {
            rest(o);
        }
    }

    private Order target(String[] f)
    {
        Order o = open.get(Long.parseLong(f[3]));
        if (o == null || o.account != Long.parseLong(f[2]))
        {
            unknownTargets++;
            return null;
        }
        return o;
    }

    private boolean crosses(Order o)
    {
        return crossesAt(o.book, o.buy, o.price);
    }

    private static boolean crossesAt(Book b, boolean buy, long price)
    {
        TreeMap<Long, ArrayDeque<Order>> other = b.side(!buy);
        return !other.isEmpty() && (buy ? other.firstKey() <= price : other.firstKey() >= price);
    }

    private long fillable(Order o)
    {
        long sum = 0;
        for (Map.Entry<Long, ArrayDeque<Order>> level : o.book.side(!o.buy).entrySet())
        {
            if (o.buy ? level.getKey() > o.price : level.getKey() < o.price)
            {
                break;
            }
            for (Order m : level.getValue())
            {
                sum += m.open;
            }
        }
        return sum;
    }

    private void match(Order taker)
    {
        TreeMap<Long, ArrayDeque<Order>> other = taker.book.side(!taker.buy);
        while (taker.open > 0 && crosses(taker))
        {
            ArrayDeque<Order> level = other.firstEntry().getValue();
            Order maker = level.peekFirst();
            long q = Math.min(taker.open, maker.open);
            taker.open -= q;
            maker.open -= q;
            trades++;
            if (maker.open == 0)
            {
                remove(maker);
            }
        }
    }

    private void rest(Order o)
    {
        o.book.side(o.buy).computeIfAbsent(o.price, p -> new ArrayDeque<>()).addLast(o);
        open.put(o.id, o);
        if (o.expiry != Long.MAX_VALUE)
        {
            byExpiry.add(o);
        }
    }

    private void remove(Order o)
    {
        TreeMap<Long, ArrayDeque<Order>> side = o.book.side(o.buy);
        ArrayDeque<Order> level = side.get(o.price);
        level.remove(o);
        if (level.isEmpty())
        {
            side.remove(o.price);
        }
        open.remove(o.id);
    }

    private void expire()
    {
        while (!byExpiry.isEmpty() && byExpiry.peek().expiry <= time)
        {
            Order o = byExpiry.poll();
            if (open.get(o.id) == o)
            {
                remove(o);
            }
        }
    }
}
