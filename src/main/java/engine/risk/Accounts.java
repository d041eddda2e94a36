package engine.risk;

import org.agrona.collections.Long2ObjectHashMap;

/** Every account and the asset names their balances are indexed by. */
public final class Accounts
{
    private final Long2ObjectHashMap<Account> byId;
    private final NameIndex assets = new NameIndex();

    public Accounts(final int expectedAccounts)
    {
        byId = new Long2ObjectHashMap<>(Math.max(16, expectedAccounts * 2), 0.5f);
    }

    public NameIndex assets()
    {
        return assets;
    }

    /** @return the account, or null if it has never received a deposit. */
    public Account get(final long id)
    {
        return byId.get(id);
    }

    public Account getOrCreate(final long id)
    {
        Account account = byId.get(id);
        if (account == null)
        {
            account = new Account(id, assets.size());
            byId.put(id, account);
        }
        return account;
    }

    public int size()
    {
        return byId.size();
    }

    /** Accounts by id; allocates, for dumps, hashes and snapshots only. */
    public Account[] sortedById()
    {
        final Account[] sorted = byId.values().toArray(new Account[0]);
        java.util.Arrays.sort(sorted, (a, b) -> Long.compare(a.id(), b.id()));
        return sorted;
    }
}
