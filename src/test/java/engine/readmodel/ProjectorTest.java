package engine.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import engine.api.SelfTradePrevention;
import engine.reference.RandomCommandFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.agrona.concurrent.AgentTerminationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The projection's duty cycle: everything stored reaches the models once, snapshots follow the cadence. */
class ProjectorTest
{
    private static final long TIME_UNIT = 1_000_000L;
    private static final int COMMANDS = 2_500;

    @Test
    void shouldFeedEveryStoredCommandOnceInOrderAndThenReportNoWork(@TempDir final Path dir)
    {
        final Path events = store(dir);
        final ReadModels models = new ReadModels(TIME_UNIT);
        final List<Long> seqs = new ArrayList<>();
        try (EventStoreReader reader = new EventStoreReader(events))
        {
            final Projector projector = new Projector(reader, b ->
            {
                seqs.add(b.seq());
                models.accept(b);
            }, models, snapshots(events), 0, m -> { });
            int cycles = 0;
            while (projector.doWork() > 0)
            {
                cycles++;
            }
            assertThat(cycles).as("a backlog is split into bounded duty cycles").isGreaterThan(0);
            assertThat(projector.doWork()).as("a drained store means no work").isZero();
            projector.onClose();
        }
        final long last = lastSeq(events);
        assertThat(seqs).hasSize((int)last);
        for (int i = 0; i < seqs.size(); i++)
        {
            assertThat(seqs.get(i)).isEqualTo(i + 1L);
        }
        assertThat(models.appliedSeq()).isEqualTo(last);
    }

    @Test
    void shouldWriteASnapshotEverySnapshotEveryAppliedCommands(@TempDir final Path dir) throws Exception
    {
        final Path events = store(dir);
        final ReadModels models = new ReadModels(TIME_UNIT);
        final ReadModelSnapshots snapshots = snapshots(events);
        try (EventStoreReader reader = new EventStoreReader(events))
        {
            final Projector projector = new Projector(reader, models::accept, models, snapshots, 1_000, m -> { });
            // One snapshot at a time: drive the cycle and let each write finish before the next is due.
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            final long last = lastSeq(events);
            while (models.appliedSeq() < last && System.nanoTime() < deadline)
            {
                projector.doWork();
            }
            projector.onClose();
        }
        // A snapshot due while the previous one is still being written waits for it, so the second
        // may land a few commands after 2,000; never before its cadence.
        final ReadModelSnapshots.Restored newest = snapshots.restoreNewest(TIME_UNIT).orElseThrow();
        assertThat(newest.seq()).isBetween(1_000L, lastSeq(events));
        assertThat(snapshots.list()).hasSizeBetween(1, 2);
    }

    @Test
    void shouldStopTheAgentWhenTheModelsCannotTakeAStoredCommand(@TempDir final Path dir)
    {
        final Path events = store(dir);
        final ReadModels models = new ReadModels(TIME_UNIT);
        try (EventStoreReader reader = new EventStoreReader(events))
        {
            final Projector projector = new Projector(reader, b ->
            {
                throw new IllegalStateException("broken model at seq " + b.seq());
            }, models, snapshots(events), 0, m -> { });
            assertThatThrownBy(projector::doWork).isInstanceOf(AgentTerminationException.class)
                .hasRootCauseMessage("broken model at seq 1");
        }
    }

    private static Path store(final Path dir)
    {
        final Path events = dir.resolve("events");
        final EventStoreWriter writer = new EventStoreWriter(events);
        new EngineReplay(SelfTradePrevention.values()[0]).run(RandomCommandFiles.generate(5, COMMANDS),
            b -> writer.onEvent(b, 0, true));
        writer.close();
        return events;
    }

    private static long lastSeq(final Path events)
    {
        final long[] last = {0};
        try (EventStoreReader reader = new EventStoreReader(events))
        {
            while (reader.poll(b -> last[0] = b.seq(), 4096) > 0)
            {
            }
        }
        return last[0];
    }

    private static ReadModelSnapshots snapshots(final Path events)
    {
        return new ReadModelSnapshots(events.resolve(ReadModelSnapshots.DIR_NAME), m -> { }, 5);
    }
}
