package engine.journal;

import engine.api.SelfTradePrevention;
import engine.core.EventBatch;
import engine.format.CommandFileWriter;
import engine.logic.BusinessLogic;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Rebuilds the business logic from a journal directory: the newest valid snapshot (at or before
 * {@code untilSeq}), then the journal entries after it, applied through the same business
 * logic with their events discarded. Used at start-up, by {@code replay}, and by tests.
 */
public final class Recovery
{
    /**
     * @param untilSeq stop after this seq ({@code Long.MAX_VALUE}: everything)
     * @param useSnapshots false for a clean replay of the whole journal
     * @param salvage recover up to the last good entry instead of refusing bad data
     */
    public record Options(long untilSeq, boolean useSnapshots, boolean salvage, int expectedOrders, int expectedAccounts,
        PrintStream log)
    {
        public static Options defaults(final PrintStream log)
        {
            return new Options(Long.MAX_VALUE, true, false, 1 << 16, 1 << 12, log);
        }

        public Options until(final long seq)
        {
            return new Options(seq, useSnapshots, salvage, expectedOrders, expectedAccounts, log);
        }

        public Options snapshots(final boolean use)
        {
            return new Options(untilSeq, use, salvage, expectedOrders, expectedAccounts, log);
        }

        public Options salvage(final boolean value)
        {
            return new Options(untilSeq, useSnapshots, value, expectedOrders, expectedAccounts, log);
        }

        public Options sizes(final int orders, final int accounts)
        {
            return new Options(untilSeq, useSnapshots, salvage, orders, accounts, log);
        }
    }

    /**
     * @param snapshot the snapshot started from, or null
     * @param lastIndex queue index of the last applied entry, -1 when none
     * @param replayed journal entries applied after the snapshot
     * @param tornIndex index of a torn last entry that was dropped, or -1
     * @param corruption why salvaging stopped early, or null
     */
    public record Recovered(BusinessLogic logic, long lastSeq, long lastIndex, Path snapshot, long snapshotSeq,
        long replayed, long tornIndex, String corruption, long nanos)
    {
    }

    private Recovery()
    {
    }

    public static Recovered recover(final JournalDirectory directory, final Options options)
    {
        final long started = System.nanoTime();
        final SelfTradePrevention stp = directory.selfTradePrevention();
        SnapshotStore.Loaded snapshot = null;
        if (options.useSnapshots())
        {
            snapshot = new SnapshotStore(directory).loadNewest(options.untilSeq(), stp, options.expectedOrders(),
                options.expectedAccounts(), options.salvage(), options.log());
        }
        final BusinessLogic logic = snapshot != null ? snapshot.logic() :
            new BusinessLogic(stp, options.expectedOrders(), options.expectedAccounts());
        final long fromIndex = snapshot != null ? snapshot.journalIndex() : -1;
        final long fromSeq = snapshot != null ? snapshot.seq() : 0;
        final JournalMark.Mark mark = options.untilSeq() == Long.MAX_VALUE ? JournalMark.read(directory) : null;
        if (!directory.hasJournal())
        {
            final String missing = JournalMark.shortfall(directory, mark, 0, -1);
            if (missing != null)
            {
                throw new JournalException(missing);
            }
            if (snapshot != null)
            {
                throw new JournalException("snapshot " + snapshot.file() + " exists but the journal in " +
                    directory.queueDir() + " is missing");
            }
            return new Recovered(logic, 0, -1, null, 0, 0, -1, null, System.nanoTime() - started);
        }
        final EventBatch discard = new EventBatch();
        final JournalReader.Result result;
        try (JournalReader reader = JournalReader.open(directory))
        {
            if (snapshot != null && options.salvage() && !reader.holds(fromIndex, fromSeq))
            {
                // An async journal can lose its tail to a power cut while a snapshot (always forced) survives.
                options.log().println("snapshot: WARNING: " + snapshot.file() + " is ahead of the journal; replaying the " +
                    "journal from the start instead");
                return recover(directory, options.snapshots(false));
            }
            if (snapshot != null && options.salvage() && reader.readableUntil() < fromSeq)
            {
                // Salvage cuts the journal at the damage, so the state must be that of the cut journal.
                options.log().println("snapshot: WARNING: " + snapshot.file() + " lies beyond damage in the journal " +
                    "(readable up to seq " + reader.readableUntil() + "); replaying the journal from the start instead");
                return recover(directory, options.snapshots(false));
            }
            result = reader.read(fromIndex, fromSeq, options.untilSeq(), options.salvage(), options.log(),
                (command, index) ->
                {
                    // Events are dropped: clients saw them before the crash, and replay must not resend.
                    discard.begin(command, null);
                    try
                    {
                        logic.apply(command, discard);
                    }
                    catch (final RuntimeException e)
                    {
                        // The live stage reports the same bug and goes on (INTERNAL_ERROR); replay must match it.
                        options.log().println("replay: engine fault at seq " + command.seq() + " ["
                            + CommandFileWriter.line(command) + "]: " + e);
                    }
                });
        }
        String corruption = result.corruption();
        final String shortfall = corruption == null ? JournalMark.shortfall(directory, mark, result.lastSeq(),
            result.lastIndex()) : null;
        if (shortfall != null)
        {
            if (!options.salvage())
            {
                throw new JournalException(shortfall + "; refusing to continue (use --recover-to-last-good to carry on " +
                    "from seq " + result.lastSeq() + ", moving the original journal aside)");
            }
            options.log().println("journal: WARNING: " + shortfall + "; recovering up to seq " + result.lastSeq());
            corruption = shortfall;
        }
        return new Recovered(logic, result.lastSeq(), result.lastIndex(), snapshot == null ? null : snapshot.file(),
            fromSeq, result.entries(), result.tornIndex(), corruption, System.nanoTime() - started);
    }
}
