package engine.workload;

import engine.api.AsciiWords;

/** The kinds of workload {@link WorkloadGenerator} writes, with their CLI names and default sizes. */
public enum WorkloadProfile
{
    /** Many symbols, a random-walking mid, the full range of order types, GTD expiry, withdrawals. */
    REALISTIC("realistic", 10, 1_000),
    /** exchange-core's benchmark mix on one symbol: mostly amends of resting orders. */
    PEER_MIX("peer-mix", 1, 1_000),
    /** The {@link #PEER_MIX} mix over many symbols and accounts. */
    MULTI("multi", 100, 10_000),
    /** Most orders cross, sweeping several small resting orders at a time. */
    HEAVY_MATCH("heavy-match", 1, 1_000),
    /**
     * The {@link #PEER_MIX} mix over 2,000 accounts with price moves in place of its quantity
     * amends, so that every command means the same in exchange-core (whose reduce is relative to
     * the open quantity): {@code scripts/bench vs-exchange-core}.
     */
    EC_MIX("ec-mix", 1, 2_000);

    private final String cliName;
    private final int defaultSymbols;
    private final int defaultAccounts;

    WorkloadProfile(String cliName, int defaultSymbols, int defaultAccounts)
    {
        this.cliName = cliName;
        this.defaultSymbols = defaultSymbols;
        this.defaultAccounts = defaultAccounts;
    }

    /** The name used on the command line, e.g. {@code peer-mix}. */
    public String cliName()
    {
        return cliName;
    }

    public int defaultSymbols()
    {
        return defaultSymbols;
    }

    public int defaultAccounts()
    {
        return defaultAccounts;
    }

    /**
     * Parses a CLI name ({@code realistic}, {@code peer-mix}, {@code multi}, {@code heavy-match}, {@code ec-mix}) or
     * an enum constant name, ignoring case and treating {@code _} like {@code -}. Null or blank gives
     * {@link #REALISTIC}, the default.
     *
     * @throws IllegalArgumentException for any other text, naming the valid choices
     */
    public static WorkloadProfile parse(String text)
    {
        if (text == null || text.isBlank())
        {
            return REALISTIC;
        }
        String wanted = text.trim().replace('_', '-');
        for (WorkloadProfile p : values())
        {
            if (AsciiWords.equalsIgnoreAsciiCase(p.cliName, wanted))
            {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown workload profile '" + text
                + "' (expected realistic, peer-mix, multi, heavy-match or ec-mix)");
    }
}
