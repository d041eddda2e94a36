package engine.logic;

/**
 * The last {@code capacity} trades, oldest first, with what a TRADE_BUST needs to reverse a trade's settlement
 * exactly: both accounts, the base and quote assets and the amounts that moved. A preallocated ring of primitive
 * arrays: once full, each new trade overwrites the oldest, and nothing is allocated per trade.
 *
 * <p>A trade's id is {@code (seq, index)}: the seq of the command that produced it and its 0-based position among
 * that command's trades. Trades are recorded in id order, so a lookup is a binary search over the ring.
 */
final class RecentTrades
{
    /** How many trades are kept when the engine is not told otherwise. */
    static final int DEFAULT_CAPACITY = 1 << 16;

    private final int capacity;
    private final long[] seqs;
    private final int[] indexes;
    private final long[] symbolHis;
    private final long[] symbolLos;
    private final long[] prices;
    private final long[] qtys;
    private final long[] buyers;
    private final long[] sellers;
    private final int[] baseAssets;
    private final int[] quoteAssets;
    private final long[] baseAmounts;
    private final long[] quoteAmounts;
    private final boolean[] busted;
    /** The slot of the oldest trade. */
    private int head;
    private int size;
    /** The command being applied, and how many trades it has produced so far: the next trade's index. */
    private long commandSeq;
    private int nextIndex;

    RecentTrades(final int capacity)
    {
        if (capacity < 1)
        {
            throw new IllegalArgumentException("the recent trades capacity must be positive, not " + capacity);
        }
        this.capacity = capacity;
        seqs = new long[capacity];
        indexes = new int[capacity];
        symbolHis = new long[capacity];
        symbolLos = new long[capacity];
        prices = new long[capacity];
        qtys = new long[capacity];
        buyers = new long[capacity];
        sellers = new long[capacity];
        baseAssets = new int[capacity];
        quoteAssets = new int[capacity];
        baseAmounts = new long[capacity];
        quoteAmounts = new long[capacity];
        busted = new boolean[capacity];
    }

    int capacity()
    {
        return capacity;
    }

    int size()
    {
        return size;
    }

    /** Starts a command: its trades get indexes from 0. */
    void beginCommand(final long seq)
    {
        commandSeq = seq;
        nextIndex = 0;
    }

    /** Records a trade of the command being applied, as settled, under the next index. */
    void record(final long symbolHi, final long symbolLo, final long price, final long qty, final long buyer,
        final long seller, final int baseAsset, final int quoteAsset, final long baseAmount, final long quoteAmount)
    {
        put(commandSeq, nextIndex++, symbolHi, symbolLo, price, qty, buyer, seller, baseAsset, quoteAsset, baseAmount,
            quoteAmount, false);
    }

    /** Appends a trade as it was (snapshot restore); call in id order. */
    void put(final long seq, final int index, final long symbolHi, final long symbolLo, final long price, final long qty,
        final long buyer, final long seller, final int baseAsset, final int quoteAsset, final long baseAmount,
        final long quoteAmount, final boolean wasBusted)
    {
        final int at;
        if (size == capacity)
        {
            at = head;
            head = next(head);
        }
        else
        {
            at = slot(size);
            size++;
        }
        seqs[at] = seq;
        indexes[at] = index;
        symbolHis[at] = symbolHi;
        symbolLos[at] = symbolLo;
        prices[at] = price;
        qtys[at] = qty;
        buyers[at] = buyer;
        sellers[at] = seller;
        baseAssets[at] = baseAsset;
        quoteAssets[at] = quoteAsset;
        baseAmounts[at] = baseAmount;
        quoteAmounts[at] = quoteAmount;
        busted[at] = wasBusted;
    }

    /** The slot of trade {@code (seq, index)}, or -1 when it is not (or no longer) held. */
    int find(final long seq, final long index)
    {
        int low = 0;
        int high = size - 1;
        while (low <= high)
        {
            final int mid = (low + high) >>> 1;
            final int at = slot(mid);
            final int order = seqs[at] != seq ? Long.compare(seqs[at], seq) : Long.compare(indexes[at], index);
            if (order < 0)
            {
                low = mid + 1;
            }
            else if (order > 0)
            {
                high = mid - 1;
            }
            else
            {
                return at;
            }
        }
        return -1;
    }

    /** The slot of the {@code n}th trade held, oldest first. */
    int slot(final int n)
    {
        final int at = head + n;
        return at >= capacity ? at - capacity : at;
    }

    private int next(final int at)
    {
        return at + 1 == capacity ? 0 : at + 1;
    }

    void markBusted(final int at)
    {
        busted[at] = true;
    }

    boolean busted(final int at)
    {
        return busted[at];
    }

    long seq(final int at)
    {
        return seqs[at];
    }

    int index(final int at)
    {
        return indexes[at];
    }

    long symbolHi(final int at)
    {
        return symbolHis[at];
    }

    long symbolLo(final int at)
    {
        return symbolLos[at];
    }

    long price(final int at)
    {
        return prices[at];
    }

    long qty(final int at)
    {
        return qtys[at];
    }

    long buyer(final int at)
    {
        return buyers[at];
    }

    long seller(final int at)
    {
        return sellers[at];
    }

    int baseAsset(final int at)
    {
        return baseAssets[at];
    }

    int quoteAsset(final int at)
    {
        return quoteAssets[at];
    }

    long baseAmount(final int at)
    {
        return baseAmounts[at];
    }

    long quoteAmount(final int at)
    {
        return quoteAmounts[at];
    }
}
