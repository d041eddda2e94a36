package engine.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import engine.api.AsciiName;
import engine.api.Command;
import engine.app.EngineConfig;
import engine.core.WaitStrategyType;
import engine.journal.Disk;
import engine.journal.JournalDirectory;
import engine.journal.JournalException;
import engine.journal.Recovery;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A journal that cannot be written (disk full) stops commands, not the engine: new commands are
 * refused with the reason, accepted ones are held unacknowledged, and once the disk has space
 * again they are journaled, each once and in order, and released.
 */
class JournalOutageTest
{
    private static final long ENOUGH = 10L << 30;

    @TempDir
    Path dir;
    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    private final PrintStream log = new PrintStream(logBytes, true, StandardCharsets.UTF_8);

    /** A disk whose free space and write failures the test sets. */
    private static final class FakeDisk implements Disk
    {
        final AtomicLong free = new AtomicLong(ENOUGH);
        final AtomicBoolean failWrites = new AtomicBoolean();

        @Override
        public long usableBytes(final Path directory)
        {
            return free.get();
        }

        @Override
        public void beforeWrite(final long lastSeq) throws IOException
        {
            if (failWrites.get())
            {
                throw new IOException("No space left on device");
            }
        }
    }

    private LiveEngine start(final Disk disk)
    {
        return LiveEngine.builder(dir).snapshotEvery(0).log(log).disk(disk)
            .config(EngineConfig.live().toBuilder().waitStrategy(WaitStrategyType.SLEEPING).build()).start();
    }

    private static Command deposit(final long amount)
    {
        return new Command().deposit(0, 1, AsciiName.hi("USD"), AsciiName.lo("USD"), amount);
    }

    private static long submit(final LiveEngine live, final Command command)
    {
        final CompletableFuture<Long> seq = new CompletableFuture<>();
        live.submit(command, result -> seq.complete(result.seq()));
        return seq.orTimeout(60, TimeUnit.SECONDS).join();
    }

    private static void await(final BooleanSupplier condition, final String what)
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean())
        {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            Thread.onSpinWait();
            Thread.yield();
        }
    }

    private long cleanReplayHash()
    {
        return Recovery.recover(JournalDirectory.of(dir), Recovery.Options.defaults(log).snapshots(false)).logic()
            .stateHash();
    }

    @Test
    void shouldHoldTheCommandItCouldNotWriteRefuseNewOnesAndResumeWhenTheDiskHasRoom() throws Exception
    {
        final FakeDisk disk = new FakeDisk();
        final long hash;
        try (LiveEngine live = start(disk);
            LineServer server = new LineServer(live, "127.0.0.1", 0, () -> (bytes, from, to, into) ->
            {
                into.deposit(0, 1, AsciiName.hi("USD"), AsciiName.lo("USD"), 5);
                return null;
            }, log))
        {
            assertThat(submit(live, deposit(100))).isEqualTo(1);
            disk.failWrites.set(true);
            final CompletableFuture<Long> held = new CompletableFuture<>();
            live.submit(deposit(200), result -> held.complete(result.seq()));

            await(() -> live.refusal() != null, "the journal reports the outage");
            assertThat(live.refusal()).startsWith("journal unavailable: disk full");
            assertThat(live.trySubmit(deposit(300), result -> { })).isFalse();
            try (Socket socket = new Socket("127.0.0.1", server.port());
                PrintWriter out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.US_ASCII);
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)))
            {
                out.println("D,0,1,USD,5");
                assertThat(in.readLine()).startsWith("ERROR,journal unavailable: disk full");
            }
            assertThat(held).isNotDone(); // applied by the logic perhaps, but not journaled: not acknowledged

            disk.failWrites.set(false);
            assertThat(held.get(60, TimeUnit.SECONDS)).isEqualTo(2);
            await(() -> live.refusal() == null, "the journal accepts commands again");
            assertThat(submit(live, deposit(400))).isEqualTo(3);
            hash = live.engine().logicWhenIdle().stateHash();
        }
        assertThat(logBytes.toString(StandardCharsets.UTF_8)).containsOnlyOnce("journal: UNAVAILABLE")
            .containsOnlyOnce("available again");
        try (LiveEngine live = start(new FakeDisk()))
        {
            assertThat(live.recovered().lastSeq()).isEqualTo(3);
            assertThat(live.recovered().logic().stateHash()).isEqualTo(hash).isEqualTo(cleanReplayHash());
        }
    }

    @Test
    void shouldStopAcceptingCommandsWhenFreeSpaceFallsBelowTheGuardAndResumeWhenItIsBack()
    {
        final FakeDisk disk = new FakeDisk();
        try (LiveEngine live = start(disk))
        {
            assertThat(submit(live, deposit(100))).isEqualTo(1);
            disk.free.set(1_000);
            long seq = 1;
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (live.refusal() == null)
            {
                assertThat(System.nanoTime()).as("the guard trips").isLessThan(deadline);
                seq = submit(live, deposit(1)); // each written and acknowledged while the guard has not tripped
            }
            assertThat(live.refusal()).contains("disk full").contains("1000 bytes free");

            disk.free.set(ENOUGH);
            await(() -> live.refusal() == null, "the guard lets commands in again");
            assertThat(submit(live, deposit(1))).isEqualTo(seq + 1);
        }
    }

    @Test
    void shouldRefuseToStartOnAFullDiskWithTheSameMessage()
    {
        try (LiveEngine live = start(new FakeDisk()))
        {
            submit(live, deposit(100));
        }
        final FakeDisk full = new FakeDisk();
        full.free.set(0);

        assertThatThrownBy(() -> start(full)).isInstanceOf(JournalException.class)
            .hasMessageStartingWith("journal unavailable: disk full").hasMessageContaining(dir.toString());
        try (LiveEngine live = start(new FakeDisk()))
        {
            assertThat(live.recovered().lastSeq()).isEqualTo(1); // and the refusal left the lock free
        }
    }
}
