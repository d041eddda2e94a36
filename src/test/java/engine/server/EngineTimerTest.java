package engine.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.lmax.disruptor.EventHandler;
import engine.api.AsciiName;
import engine.api.Command;
import engine.api.CommandType;
import engine.api.OrderType;
import engine.api.Side;
import engine.api.TimeInForce;
import engine.app.EngineConfig;
import engine.core.EventBatch;
import engine.core.WaitStrategyType;
import engine.format.AsciiBuffer;
import engine.format.CanonicalFormat;
import engine.journal.JournalDirectory;
import engine.journal.JournalReader;
import engine.logic.BusinessLogic;
import engine.testing.TestSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine timer: time passes without traffic, as journaled TICKs that a replay applies the same way. */
class EngineTimerTest
{
    private static final PrintStream QUIET = new PrintStream(new ByteArrayOutputStream());
    private static final long RESOLUTION_MS = 20;

    @TempDir
    Path dir;

    /** Collects every journaled command's canonical event lines, and the times of TICKs that expired something. */
    private static final class Tape implements EventHandler<EventBatch>
    {
        final List<String> lines = new ArrayList<>();
        final List<Long> expiringTickTimes = new ArrayList<>();
        final CountDownLatch expired;
        private final AsciiBuffer text = new AsciiBuffer(256);

        Tape(final int expiries)
        {
            expired = new CountDownLatch(expiries);
        }

        @Override
        public synchronized void onEvent(final EventBatch batch, final long sequence, final boolean endOfBatch)
        {
            text.clear();
            CanonicalFormat.appendLines(batch, text);
            for (final String line : text.toString().split("\n"))
            {
                if (!line.isEmpty())
                {
                    lines.add(line);
                }
                if (line.endsWith(",EXPIRED"))
                {
                    if (batch.commandType() == CommandType.TICK)
                    {
                        expiringTickTimes.add(batch.timestamp());
                    }
                    expired.countDown();
                }
            }
        }

        synchronized List<String> lines()
        {
            return List.copyOf(lines);
        }
    }

    private LiveEngine start(final Tape tape, final long timerMillis)
    {
        return LiveEngine.builder(dir).snapshotEvery(0).log(QUIET).timerResolutionMillis(timerMillis)
            .config(EngineConfig.live().toBuilder().waitStrategy(WaitStrategyType.BLOCKING).build())
            .journaledHandler(tape).start();
    }

    private static Command gtd(final long orderId, final long expiry)
    {
        return new Command().place(0, 1, orderId, AsciiName.hi("X-USD"), AsciiName.lo("X-USD"), Side.BUY, OrderType.LIMIT,
            TimeInForce.GTD, expiry, true, 100, 1);
    }

    @Test
    void shouldExpireAGtdOrderWithinOneTickOfItsExpiryWithNoOtherTraffic() throws Exception
    {
        final Tape tape = new Tape(2);
        final long[] expiries = new long[2];
        try (LiveEngine live = start(tape, RESOLUTION_MS))
        {
            LiveEngineTest.fund(live);
            final long now = System.currentTimeMillis();
            expiries[0] = now + 150;
            expiries[1] = now + 300;
            LiveEngineTest.submit(live, gtd(7, expiries[0]));
            LiveEngineTest.submit(live, gtd(8, expiries[1]));

            assertThat(tape.expired.await(TestSettings.timeoutMillis(10), TimeUnit.MILLISECONDS))
                .as("both GTD orders expired with no command but the timer's").isTrue();
        }
        assertThat(tape.expiringTickTimes).hasSize(2);
        final long tolerance = RESOLUTION_MS + (long)(50 * TestSettings.TIMEOUT_FACTOR);
        for (int i = 0; i < 2; i++)
        {
            assertThat(tape.expiringTickTimes.get(i)).as("time of the TICK expiring order %d", 7 + i)
                .isBetween(expiries[i], expiries[i] + tolerance);
        }
    }

    @Test
    void shouldReplayTheTimersTicksToTheSameExpiriesAtTheSameSequenceNumbers() throws Exception
    {
        final Tape tape = new Tape(3);
        final long liveHash;
        try (LiveEngine live = start(tape, RESOLUTION_MS))
        {
            LiveEngineTest.fund(live);
            final long now = System.currentTimeMillis();
            LiveEngineTest.submit(live, gtd(7, now + 60));
            LiveEngineTest.submit(live, gtd(8, now + 120));
            LiveEngineTest.submit(live, gtd(9, now + 120));
            assertThat(tape.expired.await(TestSettings.timeoutMillis(10), TimeUnit.MILLISECONDS)).isTrue();
            live.engine().awaitIdle();
            liveHash = live.engine().logicWhenIdle().stateHash();
        }

        final BusinessLogic replay = new BusinessLogic(engine.api.SelfTradePrevention.NONE);
        final EventBatch batch = new EventBatch();
        final AsciiBuffer text = new AsciiBuffer(256);
        final List<String> ticks = new ArrayList<>();
        try (JournalReader reader = JournalReader.open(JournalDirectory.of(dir)))
        {
            reader.readAll(Long.MAX_VALUE, false, QUIET, (command, index) ->
            {
                if (command.type() == CommandType.TICK)
                {
                    ticks.add(Long.toString(command.seq()));
                }
                batch.begin(command, null);
                replay.apply(command, batch);
                CanonicalFormat.appendLines(batch, text);
            });
        }
        final List<String> replayed = List.of(text.toString().split("\n"));

        assertThat(ticks).as("the timer's TICKs are in the journal").isNotEmpty();
        assertThat(replayed).as("replayed events, TICK expiries included").containsExactlyElementsOf(tape.lines());
        assertThat(replayed.stream().filter(line -> line.endsWith(",EXPIRED"))).hasSize(3);
        assertThat(replay.stateHash()).isEqualTo(liveHash);
    }

    @Test
    void shouldSubmitNoTickWhenNothingIsDue() throws Exception
    {
        final Tape tape = new Tape(1);
        try (LiveEngine live = start(tape, RESOLUTION_MS))
        {
            LiveEngineTest.fund(live);
            // The GTD's own seq: processedSeq() may not count it yet when its result arrives (the business logic
            // publishes its events before its input sequence moves past the batch).
            final long seq = LiveEngineTest.submit(live, gtd(7, System.currentTimeMillis() + 3_600_000));
            final long checksBefore = live.timer().checks();
            final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TestSettings.timeoutMillis(10));
            while (live.timer().checks() < checksBefore + 10 && System.nanoTime() < deadline)
            {
                Thread.onSpinWait();
                Thread.yield();
            }
            assertThat(live.timer().checks()).as("the timer looked ten times").isGreaterThanOrEqualTo(checksBefore + 10);
            assertThat(live.timer().ticks()).isZero();
            assertThat(LiveEngineTest.submit(live, new Command().tick(0))).isEqualTo(seq + 1);
        }
    }
}
