package engine.risk;

/**
 * One account's balances, per asset index: what it may use ({@code available}) and what its
 * open orders hold ({@code reserved}). The methods move money; callers have checked the
 * amounts, so none of them can fail or go negative.
 */
public final class Account
{
    private final long id;
    private long[] available;
    private long[] reserved;

    Account(final long id, final int assets)
    {
        this.id = id;
        this.available = new long[Math.max(2, assets)];
        this.reserved = new long[Math.max(2, assets)];
    }

    public long id()
    {
        return id;
    }

    public long available(final int asset)
    {
        return asset < available.length ? available[asset] : 0;
    }

    public long reserved(final int asset)
    {
        return asset < reserved.length ? reserved[asset] : 0;
    }

    /** Whether {@code amount} more can be credited without the total passing the long range. */
    public boolean canHold(final int asset, final long amount)
    {
        final long total = available(asset) + reserved(asset);
        return total <= Long.MAX_VALUE - amount;
    }

    /** Moves {@code amount} from available to reserved; false (and nothing moves) when short. */
    public boolean reserve(final int asset, final long amount)
    {
        ensure(asset);
        if (available[asset] < amount)
        {
            return false;
        }
        available[asset] -= amount;
        reserved[asset] += amount;
        return true;
    }

    /** Moves {@code amount} from reserved back to available. */
    public void release(final int asset, final long amount)
    {
        reserved[asset] -= amount;
        available[asset] += amount;
    }

    /** Pays {@code amount} out of reserved funds. */
    public void spendReserved(final int asset, final long amount)
    {
        reserved[asset] -= amount;
    }

    public void credit(final int asset, final long amount)
    {
        ensure(asset);
        available[asset] += amount;
    }

    /** Takes {@code amount} out of available; the caller has checked it is there. */
    public void debit(final int asset, final long amount)
    {
        ensure(asset);
        available[asset] -= amount;
    }

    private void ensure(final int asset)
    {
        if (asset >= available.length)
        {
            final int length = Math.max(asset + 1, available.length * 2);
            available = java.util.Arrays.copyOf(available, length);
            reserved = java.util.Arrays.copyOf(reserved, length);
        }
    }
}
