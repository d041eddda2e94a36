package engine.workload;

import engine.format.CommandFileWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.SplittableRandom;

/**
 * Writes a synthetic workload in the command-file format ({@code COMMAND-FILE.md}): setup first
 * ({@code SYMBOL} lines, then {@code DEPOSIT}s giving every account 10^12 of the quote asset and of
 * the base asset of each symbol it trades), then the orders of the chosen {@link WorkloadProfile}.
 *
 * <p>Output depends only on the profile, seed, symbol and account counts. Memory is bounded by the
 * tracked books (a capped number of resting orders per symbol), not by the number of commands, so
 * 100 million commands stream through. Order ids start at 1 and increase by one per {@code PLACE};
 * accounts are numbered 1..accounts, symbols {@code SYM0..}, base assets {@code B0..}, the quote
 * asset is {@code USD}. The generator mirrors each book to aim cancels and amends at orders that
 * are still resting; the mirror assumes self-trade prevention is off, so with another setting a few
 * of them may meet {@code UNKNOWN_ORDER}.
 *
 * <p>{@link #sagaEvery} mixes in withdrawal sagas, deposit notifications and balance adjustments
 * ({@link SagaMix}); off by default, so the output of a profile and seed never changes.
 *
 * <p>Not thread-safe. Successive {@link #write} calls continue the same stream.
 */
public final class WorkloadGenerator
{
    /** Every deposit in the setup: ample for any order, far from overflowing a long. */
    static final long DEPOSIT = 1_000_000_000_000L;

    private static final int SYMBOLS = 0;
    private static final int DEPOSITS = 1;
    private static final int PREFILL = 2;
    private static final int MIX = 3;

    private final WorkloadProfile profile;
    private final long seed;
    private final int symbols;
    private final int accounts;
    private final CommandFileWriter out = new CommandFileWriter();
    private final Holdings holdings;
    private final Venue venue;
    private final OrderFlow flow;
    private int phase = SYMBOLS;
    private int nextSymbol;
    private int depositAccount;
    private int depositAsset;
    private long written;
    private boolean headerWritten;
    private SagaMix sagaMix;
    private int sagaEvery;
    private long mixed;

    /** A generator with the profile's default numbers of symbols and accounts. */
    public WorkloadGenerator(WorkloadProfile profile, long seed)
    {
        this(profile, seed, profile.defaultSymbols(), profile.defaultAccounts());
    }

    /**
     * @param symbols  number of symbols, at least 1
     * @param accounts number of accounts, at least 1
     */
    public WorkloadGenerator(WorkloadProfile profile, long seed, int symbols, int accounts)
    {
        if (symbols < 1 || accounts < 1)
        {
            throw new IllegalArgumentException("symbols and accounts must be at least 1");
        }
        this.profile = profile;
        this.seed = seed;
        this.symbols = symbols;
        this.accounts = accounts;
        this.holdings = new Holdings(symbols, accounts);
        SplittableRandom rnd = new SplittableRandom(seed);
        switch (profile)
        {
            case PEER_MIX, MULTI, EC_MIX ->
            {
                int target = PeerMixFlow.targetDepth(symbols);
                venue = new Venue(out, symbols, 2 * target + 64);
                flow = new PeerMixFlow(rnd, venue, holdings, target, profile != WorkloadProfile.EC_MIX);
            }
            case HEAVY_MATCH ->
            {
                venue = new Venue(out, symbols, 256);
                flow = new HeavyMatchFlow(rnd, venue, holdings);
            }
            default ->
            {
                int softLimit = RealisticFlow.softLimit(symbols);
                venue = new Venue(out, symbols, softLimit + 16);
                flow = new RealisticFlow(rnd, venue, holdings, softLimit);
            }
        }
    }

    /**
     * Makes every {@code n}-th command of the order flow a saga step instead ({@link SagaMix}); 0 (the
     * default) for none. Call before the first {@link #write}.
     */
    public WorkloadGenerator sagaEvery(final int n)
    {
        if (n < 0 || headerWritten)
        {
            throw new IllegalArgumentException("sagaEvery: a count of 0 or more, before the first write");
        }
        sagaEvery = n;
        sagaMix = n == 0 ? null : new SagaMix(seed, out, venue, accounts);
        return this;
    }

    public WorkloadProfile profile()
    {
        return profile;
    }

    public long seed()
    {
        return seed;
    }

    public int symbols()
    {
        return symbols;
    }

    public int accounts()
    {
        return accounts;
    }

    /**
     * Writes {@code commands} more command lines (setup lines count; {@code #} comment lines, such as
     * the header naming profile and seed, do not) and flushes {@code writer}, without closing it.
     *
     * @return the number of command lines written, always {@code commands}
     */
    public long write(long commands, Writer writer) throws IOException
    {
        if (commands < 0)
        {
            throw new IllegalArgumentException("commands must not be negative");
        }
        out.target(writer);
        if (!headerWritten)
        {
            headerWritten = true;
            out.comment().text("workload profile=").text(profile.cliName()).text(" seed=").number(seed)
                    .text(" symbols=").number(symbols).text(" accounts=").number(accounts);
            if (sagaEvery > 0)
            {
                out.text(" sagas=").number(sagaEvery);
            }
            out.end();
        }
        for (long n = 0; n < commands; n++)
        {
            next();
            written++;
        }
        out.flush();
        writer.flush();
        return commands;
    }

    /** What the generator's mirror of the books expects the commands written so far to do. */
    public WorkloadStats stats()
    {
        return venue.stats(written);
    }

    private void next() throws IOException
    {
        switch (phase)
        {
            case SYMBOLS ->
            {
                venue.symbol(nextSymbol++);
                if (nextSymbol == symbols)
                {
                    phase = DEPOSITS;
                }
            }
            case DEPOSITS -> deposit();
            case PREFILL ->
            {
                if (!flow.prefill())
                {
                    phase = MIX;
                    out.comment().text(profile.cliName()).text(" order flow").end();
                    flow.step();
                }
            }
            default ->
            {
                if (sagaMix != null && ++mixed % sagaEvery == 0)
                {
                    sagaMix.step(written + 1);
                }
                else
                {
                    flow.step();
                }
            }
        }
    }

    /** Account by account: the quote asset, then the base asset of each symbol the account trades. */
    private void deposit() throws IOException
    {
        String asset = depositAsset == 0 ? Holdings.QUOTE
                : Holdings.baseAsset(holdings.symbolOf(depositAccount, depositAsset - 1));
        venue.deposit(depositAccount + 1, asset, DEPOSIT);
        if (++depositAsset > holdings.perAccount())
        {
            depositAsset = 0;
            if (++depositAccount == accounts)
            {
                phase = PREFILL;
            }
        }
    }
}
