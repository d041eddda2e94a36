package engine.server;

import engine.api.CommandType;
import engine.api.Reason;
import engine.core.EventBatch;
import engine.journal.JournalDirectory;
import engine.journal.JournalReader;
import engine.journal.Recovery;
import engine.logic.BusinessLogic;
import engine.readmodel.EventStoreFormat;
import engine.readmodel.EventStoreReader;
import engine.readmodel.EventStoreWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Brings the event store ({@code DIR/events}) level with the journal, the source of truth. The
 * store is written after the journal, so a crash between the two leaves it behind; a journal
 * written without the store (an older build, {@code run --journal}) or a deleted store leaves it
 * empty. The missing commands' events are regenerated deterministically: the business logic is
 * rebuilt as of the store's last seq (snapshot plus journal, as at recovery) and the journal
 * entries after it are applied through it, their events appended to the store exactly as the
 * live pipeline would have (an engine fault gives the same {@code INTERNAL_ERROR} rejection).
 *
 * <p>A store of an older format, or one ahead of the journal (the journal was replaced or cut
 * at its last good entry), does not describe this journal: it is moved aside, never deleted,
 * and regenerated whole.
 */
public final class EventStoreCatchUp
{
    /** The event store inside the data directory. */
    public static final String EVENTS_DIR = "events";

    /**
     * @param storedSeq the store's last seq before catching up
     * @param lastSeq its last seq now, the journal's last
     */
    public record Result(long storedSeq, long lastSeq, long nanos)
    {
        public long regenerated()
        {
            return lastSeq - storedSeq;
        }
    }

    private EventStoreCatchUp()
    {
    }

    public static Path eventsDir(final JournalDirectory directory)
    {
        return directory.root().resolve(EVENTS_DIR);
    }

    /**
     * Regenerates the events of the journal entries after the store's end.
     *
     * @param journalLastSeq the journal's last good seq (as recovery found it)
     * @param options how to rebuild the state (sizes, salvage, log), as for recovery
     */
    public static Result catchUp(final JournalDirectory directory, final long journalLastSeq,
        final Recovery.Options options)
    {
        final long started = System.nanoTime();
        final PrintStream log = options.log();
        final Path events = eventsDir(directory);
        if (!EventStoreFormat.isCurrent(events))
        {
            moveAside(events, "it has an older format", log);
        }
        long stored = storedSeq(events);
        if (stored > journalLastSeq)
        {
            moveAside(events, "it ends at seq " + stored + ", after the journal's last seq " + journalLastSeq, log);
            stored = 0;
        }
        if (stored < journalLastSeq)
        {
            regenerate(directory, events, stored, journalLastSeq, options);
            log.printf("event store: regenerated seqs %d to %d from the journal in %.3f s%n", stored + 1, journalLastSeq,
                (System.nanoTime() - started) / 1e9);
        }
        return new Result(stored, journalLastSeq, System.nanoTime() - started);
    }

    /** Moves the store aside and regenerates it whole from the journal (the operators' {@code journal rebuild-events}). */
    public static Result rebuild(final JournalDirectory directory, final long journalLastSeq,
        final Recovery.Options options)
    {
        final Path events = eventsDir(directory);
        if (Files.exists(events))
        {
            moveAside(events, "a rebuild was asked for", options.log());
        }
        return catchUp(directory, journalLastSeq, options);
    }

    private static long storedSeq(final Path events)
    {
        if (!Files.isDirectory(events))
        {
            return 0;
        }
        try (EventStoreReader reader = new EventStoreReader(events))
        {
            return reader.lastStoredSeq();
        }
    }

    private static void regenerate(final JournalDirectory directory, final Path events, final long afterSeq,
        final long untilSeq, final Recovery.Options options)
    {
        final Recovery.Recovered state = Recovery.recover(directory, options.until(afterSeq));
        if (state.lastSeq() != afterSeq)
        {
            throw new IllegalStateException("event store " + events + " ends at seq " + afterSeq +
                " but the journal could be rebuilt only to seq " + state.lastSeq());
        }
        final BusinessLogic logic = state.logic();
        final EventBatch batch = new EventBatch();
        try (EventStoreWriter writer = new EventStoreWriter(events);
            JournalReader reader = JournalReader.open(directory))
        {
            writer.onStart();
            reader.read(state.lastIndex(), afterSeq, untilSeq, options.salvage(), options.log(), (command, index) ->
            {
                batch.begin(command, null);
                try
                {
                    logic.apply(command, batch);
                }
                catch (final RuntimeException e)
                {
                    // As BusinessLogicStage does live: the same events, whatever the fault.
                    batch.discardEvents();
                    final CommandType type = command.type();
                    batch.rejected(type == CommandType.PLACE || type == CommandType.CANCEL || type == CommandType.AMEND,
                        command.orderId(), command.account(), Reason.INTERNAL_ERROR);
                }
                writer.onEvent(batch, command.seq(), false);
            });
        }
    }

    private static void moveAside(final Path events, final String why, final PrintStream log)
    {
        final Path aside = events.resolveSibling(EVENTS_DIR + ".old-" + System.currentTimeMillis());
        try
        {
            Files.move(events, aside);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot move the event store " + events + " aside: " + e, e);
        }
        log.println("event store: WARNING: " + events + " does not describe the journal (" + why + "); moved it to " +
            aside + " and regenerating it from the journal");
    }
}
