package engine.journal;

import static engine.journal.JournalFixture.QUIET;
import static org.assertj.core.api.Assertions.assertThat;

import engine.format.CommandFileWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal is the event store: it rebuilds any past state and reads back as the original command file. */
class JournalRoundTripTest
{
    private static final int COMMANDS = 20_000;
    private static final String FILE = JournalFixture.workload(COMMANDS, 7);

    @TempDir
    Path dir;

    @Test
    void shouldJournalRunWithoutChangingItsOutput()
    {
        final String plain = JournalFixture.run(FILE, null, null);
        final String journaled = JournalFixture.run(FILE, dir, Durability.SYNC);

        assertThat(journaled).isEqualTo(plain);
    }

    @Test
    void shouldGiveIdenticalEventsWhenJournalCatIsRunAgain()
    {
        final String original = JournalFixture.run(FILE, dir, Durability.ASYNC);
        final StringBuilder cat = new StringBuilder();
        try (JournalReader reader = JournalReader.open(JournalDirectory.of(dir)))
        {
            reader.readAll(Long.MAX_VALUE, false, QUIET, (command, index) -> cat.append(CommandFileWriter.line(command)).append('\n'));
        }

        assertThat(JournalFixture.run(cat.toString(), null, null)).isEqualTo(original);
    }

    @Test
    void shouldReplayUntilSeqToTheStateOfRunningTheFirstSeqCommands()
    {
        JournalFixture.run(FILE, dir, Durability.ASYNC);
        for (final long until : new long[] {1, 137, 5_000, 12_345, COMMANDS})
        {
            final Recovery.Recovered replayed = Recovery.recover(JournalDirectory.of(dir),
                Recovery.Options.defaults(QUIET).until(until));
            final String firstN = JournalFixture.run(JournalFixture.firstCommands(FILE, until), null, null);

            assertThat(replayed.lastSeq()).isEqualTo(until);
            assertThat(JournalFixture.hashLine(replayed.logic().stateHash()))
                .as("replay --until %d", until).isEqualTo(JournalFixture.stateHashLine(firstN));
        }
    }

    @Test
    void shouldRecoverFromSnapshotPlusTailToTheStateOfAFullReplay()
    {
        JournalFixture.run(FILE, dir, Durability.ASYNC);
        final JournalDirectory journal = JournalDirectory.of(dir);
        final Recovery.Recovered atSnapshot = Recovery.recover(journal, Recovery.Options.defaults(QUIET).until(9_000));
        new SnapshotStore(journal).write(SnapshotStore.capture(atSnapshot.logic(), atSnapshot.lastIndex()));

        final Recovery.Recovered fromSnapshot = Recovery.recover(journal, Recovery.Options.defaults(QUIET));
        final Recovery.Recovered clean = Recovery.recover(journal, Recovery.Options.defaults(QUIET).snapshots(false));

        assertThat(fromSnapshot.snapshotSeq()).isEqualTo(9_000);
        assertThat(fromSnapshot.replayed()).isEqualTo(COMMANDS - 9_000);
        assertThat(fromSnapshot.lastSeq()).isEqualTo(COMMANDS);
        assertThat(fromSnapshot.logic().stateHash()).isEqualTo(clean.logic().stateHash());
        assertThat(JournalFixture.hashLine(clean.logic().stateHash()))
            .isEqualTo(JournalFixture.stateHashLine(JournalFixture.run(FILE, null, null)));
    }

    @Test
    void shouldRestoreASnapshotToTheSameStateHash()
    {
        JournalFixture.run(FILE, dir, Durability.ASYNC);
        final JournalDirectory journal = JournalDirectory.of(dir);
        final Recovery.Recovered full = Recovery.recover(journal, Recovery.Options.defaults(QUIET));
        final SnapshotStore store = new SnapshotStore(journal);
        store.write(SnapshotStore.capture(full.logic(), full.lastIndex()));

        final SnapshotStore.Loaded loaded = store.load(store.list().get(0), full.logic().selfTradePrevention(), 1 << 10, 1 << 8);

        assertThat(loaded.seq()).isEqualTo(COMMANDS);
        assertThat(loaded.logic().lastTimestamp()).isEqualTo(full.logic().lastTimestamp());
        assertThat(loaded.logic().openOrderCount()).isEqualTo(full.logic().openOrderCount());
        assertThat(loaded.logic().stateHash()).isEqualTo(full.logic().stateHash());
    }
}
