package engine.workload;

import java.util.SplittableRandom;

/**
 * Which accounts trade which symbols, so setup need not deposit every asset to every account.
 *
 * <p>Account index {@code i} (account id {@code i + 1}) trades the {@code perAccount} symbols
 * {@code (i + j) mod symbols}, {@code j < perAccount}; every account holds the quote asset. With
 * eight symbols or fewer everyone trades everything. When there are fewer accounts than symbols,
 * {@code perAccount} grows so that every symbol still has traders.
 */
final class Holdings
{
    static final String QUOTE = "USD";

    private final int symbols;
    private final int accounts;
    private final int perAccount;

    Holdings(int symbols, int accounts)
    {
        this.symbols = symbols;
        this.accounts = accounts;
        this.perAccount = symbols <= 8 ? symbols : Math.min(symbols, Math.max(4, symbols - accounts + 1));
    }

    int accounts()
    {
        return accounts;
    }

    /** Symbols each account trades, and holds the base asset of. */
    int perAccount()
    {
        return perAccount;
    }

    /** The {@code j}-th symbol that account index {@code accountIndex} trades. */
    int symbolOf(int accountIndex, int j)
    {
        return (int) ((accountIndex + (long) j) % symbols);
    }

    static String symbolName(int symbol)
    {
        return "SYM" + symbol;
    }

    static String baseAsset(int symbol)
    {
        return "B" + symbol;
    }

    /** A random account id among those that trade {@code symbol}. */
    int pickAccount(int symbol, SplittableRandom rnd)
    {
        while (true)
        {
            int residue = Math.floorMod(symbol - rnd.nextInt(perAccount), symbols);
            if (residue < accounts)
            {
                int sameResidue = (accounts - 1 - residue) / symbols + 1;
                return residue + symbols * rnd.nextInt(sameResidue) + 1;
            }
        }
    }

    /** A random account id. */
    int pickAnyAccount(SplittableRandom rnd)
    {
        return rnd.nextInt(accounts) + 1;
    }
}
