package engine.workload;

import engine.api.AsciiName;
import engine.api.Command;
import engine.format.CommandFileWriter;
import java.io.IOException;
import java.util.SplittableRandom;

/**
 * The optional saga steps of a workload ({@code gen --sagas N}): withdrawal requests of the quote
 * asset, confirmations and failures of recent sagas with current and stale attempts and of ids that
 * are no saga, deposit notifications (one in five repeats an earlier transaction id) and signed balance
 * adjustments. No wallet answers them, so unanswered sagas retry and time out on the workload's clock
 * (deadlines are due before any later command). It draws from a random stream of its own, so the order flow between its lines is
 * the same as without it.
 */
final class SagaMix
{
    private static final long QUOTE_HI = AsciiName.hi(Holdings.QUOTE);
    private static final long QUOTE_LO = AsciiName.lo(Holdings.QUOTE);
    private static final int RECENT = 16;
    private static final long FIRST_TX_ID = 1_000_000;

    private final SplittableRandom rnd;
    private final CommandFileWriter out;
    private final Venue venue;
    private final int accounts;
    private final Command command = new Command();
    private final long[] recentSagas = new long[RECENT];
    private int sagas;
    private long txIds;

    SagaMix(final long seed, final CommandFileWriter out, final Venue venue, final int accounts)
    {
        this.rnd = new SplittableRandom(seed ^ 0x5a6a5a6a5a6a5a6aL);
        this.out = out;
        this.venue = venue;
        this.accounts = accounts;
    }

    /** Writes one saga step as command {@code seq} (a request's seq is its saga id). */
    void step(final long seq) throws IOException
    {
        final long time = venue.now();
        final long account = 1 + rnd.nextInt(accounts);
        final int r = rnd.nextInt(100);
        if (r < 35)
        {
            command.withdrawRequest(time, account, QUOTE_HI, QUOTE_LO, 1 + rnd.nextInt(1_000), 1 + rnd.nextInt(200),
                1 + rnd.nextInt(3));
            recentSagas[sagas++ % RECENT] = seq;
        }
        else if (r < 70)
        {
            final long saga = sagas > 0 && rnd.nextInt(8) != 0 ? recentSagas[rnd.nextInt(Math.min(sagas, RECENT))] :
                1 + rnd.nextLong(seq);
            final long attempt = 1 + rnd.nextInt(3);
            if (r < 55)
            {
                command.withdrawConfirm(time, saga, attempt);
            }
            else
            {
                command.withdrawFail(time, saga, attempt);
            }
        }
        else if (r < 85)
        {
            final long txId = txIds > 0 && rnd.nextInt(5) == 0 ? FIRST_TX_ID + rnd.nextLong(txIds) : FIRST_TX_ID + txIds++;
            command.depositNotify(time, account, QUOTE_HI, QUOTE_LO, 1 + rnd.nextInt(10_000), txId);
        }
        else
        {
            final long amount = 1 + rnd.nextInt(1_000);
            command.balanceAdjust(time, account, QUOTE_HI, QUOTE_LO, rnd.nextBoolean() ? amount : -amount,
                1 + rnd.nextInt(100));
        }
        out.command(command).end();
    }
}
