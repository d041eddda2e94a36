package engine.server;

import static org.assertj.core.api.Assertions.assertThat;

import engine.api.AsciiName;
import engine.api.Command;
import engine.api.OrderType;
import engine.api.Side;
import engine.api.TimeInForce;
import engine.app.EngineConfig;
import engine.core.WaitStrategyType;
import engine.journal.JournalDirectory;
import engine.journal.Recovery;
import engine.journal.SnapshotStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recovery at start-up carries the state and the sequence numbers on; a failed journal releases nothing. */
class LiveEngineTest
{
    private static final PrintStream QUIET = new PrintStream(new ByteArrayOutputStream());

    @TempDir
    Path dir;

    private LiveEngine start()
    {
        return LiveEngine.builder(dir).snapshotEvery(0).log(QUIET)
            .config(EngineConfig.live().toBuilder().waitStrategy(WaitStrategyType.SLEEPING).build()).start();
    }

    private static long submit(final LiveEngine live, final Command command)
    {
        final CompletableFuture<Long> seq = new CompletableFuture<>();
        live.submit(command, result -> seq.complete(result.seq()));
        return seq.join();
    }

    private static void trade(final LiveEngine live, final int orders, final long firstId)
    {
        for (int i = 0; i < orders; i++)
        {
            final Side side = i % 3 == 0 ? Side.SELL : Side.BUY;
            submit(live, new Command().place(0, 1 + i % 2, firstId + i, AsciiName.hi("X-USD"), AsciiName.lo("X-USD"), side,
                OrderType.LIMIT, TimeInForce.GTC, 0, true, 100 + i % 7, 1 + i % 5));
        }
    }

    private static void fund(final LiveEngine live)
    {
        submit(live, new Command().symbol(0, AsciiName.hi("X-USD"), AsciiName.lo("X-USD"), AsciiName.hi("X"), AsciiName.lo("X"),
            AsciiName.hi("USD"), AsciiName.lo("USD"), 1, 1));
        for (int account = 1; account <= 2; account++)
        {
            submit(live, new Command().deposit(0, account, AsciiName.hi("USD"), AsciiName.lo("USD"), 1_000_000_000));
            submit(live, new Command().deposit(0, account, AsciiName.hi("X"), AsciiName.lo("X"), 1_000_000_000));
        }
    }

    private long cleanReplayHash()
    {
        return Recovery.recover(JournalDirectory.of(dir), Recovery.Options.defaults(QUIET).snapshots(false)).logic().stateHash();
    }

    @Test
    void shouldCarrySequenceNumbersAndStateOnAfterARestart()
    {
        final long hashBefore;
        try (LiveEngine live = start())
        {
            fund(live);
            trade(live, 200, 1);
            hashBefore = live.engine().logicWhenIdle().stateHash();
        }
        try (LiveEngine live = start())
        {
            assertThat(live.recovered().lastSeq()).isEqualTo(205);
            assertThat(live.recovered().logic().stateHash()).isEqualTo(hashBefore).isEqualTo(cleanReplayHash());
            assertThat(submit(live, new Command().tick(0))).isEqualTo(206);
        }
    }

    @Test
    void shouldRecoverFromASnapshotTakenOnDemandPlusTheJournalAfterIt()
    {
        final Path snapshot;
        try (LiveEngine live = start())
        {
            fund(live);
            trade(live, 100, 1);
            snapshot = live.snapshot();
            trade(live, 100, 1_000);
        }

        final Recovery.Recovered atSnapshotPlusTail = Recovery.recover(JournalDirectory.of(dir),
            Recovery.Options.defaults(QUIET).until(150));

        assertThat(snapshot.getFileName().toString()).contains("105");
        assertThat(atSnapshotPlusTail.snapshotSeq()).isEqualTo(105);
        assertThat(atSnapshotPlusTail.replayed()).isEqualTo(45);
        assertThat(atSnapshotPlusTail.logic().stateHash()).isEqualTo(Recovery.recover(JournalDirectory.of(dir),
            Recovery.Options.defaults(QUIET).until(150).snapshots(false)).logic().stateHash());
        try (LiveEngine live = start())
        {
            assertThat(live.recovered().snapshotSeq()).isEqualTo(205);
            assertThat(live.recovered().logic().stateHash()).isEqualTo(cleanReplayHash());
        }
    }

    @Test
    void shouldWriteAShutdownSnapshotWhenStoppedRightAfterRecoveringFromTheJournal() throws Exception
    {
        try (LiveEngine live = start())
        {
            fund(live);
            trade(live, 20, 1);
        }
        final SnapshotStore store = new SnapshotStore(JournalDirectory.of(dir));
        for (final SnapshotStore.Entry entry : store.list())
        {
            Files.delete(entry.file());
        }

        // Recovered by replaying 25 journal entries, then stopped (SIGTERM) before any new command.
        try (LiveEngine live = start())
        {
            assertThat(live.recovered().snapshotSeq()).isZero();
            assertThat(live.recovered().lastSeq()).isEqualTo(25);
        }

        assertThat(store.list()).extracting(SnapshotStore.Entry::seq).containsExactly(25L);
        try (LiveEngine live = start())
        {
            assertThat(live.recovered().snapshotSeq()).isEqualTo(25);
            assertThat(live.recovered().replayed()).isZero();
            assertThat(live.recovered().logic().stateHash()).isEqualTo(cleanReplayHash());
        }
    }

    @Test
    void shouldDropATornLastEntryAndCarryOnAfterIt()
    {
        try (LiveEngine live = start())
        {
            fund(live);
            trade(live, 50, 1);
        }
        try (SingleChronicleQueue queue = SingleChronicleQueueBuilder.binary(dir.resolve("queue"))
            .rollCycle(RollCycles.FAST_DAILY).build(); ExcerptAppender appender = queue.createAppender())
        {
            try (DocumentContext dc = appender.writingDocument())
            {
                dc.wire().bytes().write(new byte[] {1, 4, 0, 0, 0, 0, 0, 0, 0, 0, 9}); // a PLACE cut short
            }
        }
        final ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (LiveEngine live = LiveEngine.builder(dir).snapshotEvery(0).log(new PrintStream(log, true))
            .config(EngineConfig.live().toBuilder().waitStrategy(WaitStrategyType.SLEEPING).build()).start())
        {
            assertThat(live.recovered().lastSeq()).isEqualTo(55);
            assertThat(live.recovered().tornIndex()).isGreaterThan(0);
            assertThat(submit(live, new Command().tick(0))).isEqualTo(56);
        }
        try (LiveEngine live = start())
        {
            assertThat(live.recovered().lastSeq()).isEqualTo(56);
            assertThat(live.recovered().logic().stateHash()).isEqualTo(cleanReplayHash());
        }
        assertThat(log.toString()).contains("torn").contains("voided");
    }

    @Test
    void shouldReleaseNoResultForACommandThatWasNotJournaled() throws InterruptedException
    {
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        final CountDownLatch failed = new CountDownLatch(1);
        final LiveEngine live = LiveEngine.builder(dir).snapshotEvery(0).log(QUIET)
            .config(EngineConfig.live().toBuilder().waitStrategy(WaitStrategyType.SLEEPING).build())
            .onJournalFailure(t ->
            {
                failure.set(t);
                failed.countDown();
            }).start();
        fund(live);
        live.journal().close(); // the journal's files vanish from under the writer: every write now fails
        final AtomicBoolean released = new AtomicBoolean();
        live.submit(new Command().tick(0), result -> released.set(true));

        assertThat(failed.await(30, TimeUnit.SECONDS)).isTrue();
        live.engine().logicWhenIdle(); // the business logic ran ahead; only the release is held back
        assertThat(failure.get().getMessage()).contains(dir.toString()).contains("after seq 5");
        assertThat(released.get()).isFalse();
        live.close();
    }
}
