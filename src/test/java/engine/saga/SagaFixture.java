package engine.saga;

import static org.assertj.core.api.Assertions.assertThat;

import com.lmax.disruptor.EventHandler;
import engine.api.AsciiName;
import engine.api.Command;
import engine.app.EngineConfig;
import engine.core.EventBatch;
import engine.core.WaitStrategyType;
import engine.format.AsciiBuffer;
import engine.format.CanonicalFormat;
import engine.logic.BusinessLogic;
import engine.logic.StateVisitor;
import engine.server.LiveEngine;
import engine.testing.TestSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A live engine over a data directory with the engine timer and, optionally, a transfer worker on a
 * simulated wallet; collects every journaled command's canonical event lines (without the seq) and
 * waits for them.
 */
final class SagaFixture implements AutoCloseable
{
    static final PrintStream QUIET = new PrintStream(new ByteArrayOutputStream());
    static final long USD_HI = AsciiName.hi("USD");
    static final long USD_LO = AsciiName.lo("USD");
    final LiveEngine live;
    final TransferWorker worker;
    private final List<String> lines = new ArrayList<>();
    private final AsciiBuffer text = new AsciiBuffer(256);

    /** @param wallet null for an engine without a worker (a crash before the worker called the wallet) */
    SagaFixture(final Path dir, final ExternalWallet wallet)
    {
        final LiveEngine.Builder builder = LiveEngine.builder(dir).snapshotEvery(0).log(QUIET).timerResolutionMillis(10)
            .config(EngineConfig.live().toBuilder().waitStrategy(WaitStrategyType.BLOCKING).build())
            .journaledHandler(new Tape());
        worker = wallet == null ? null : TransferWorker.attach(builder, wallet, QUIET);
        live = builder.start();
        if (worker != null)
        {
            worker.start(live);
        }
    }

    /** Records each command's event lines, without their seq. */
    private final class Tape implements EventHandler<EventBatch>
    {
        @Override
        public void onEvent(final EventBatch batch, final long sequence, final boolean endOfBatch)
        {
            synchronized (lines)
            {
                text.clear();
                CanonicalFormat.appendLines(batch, text);
                for (final String line : text.toString().split("\n"))
                {
                    if (!line.isEmpty())
                    {
                        lines.add(line.substring(line.indexOf(',') + 1));
                    }
                }
                lines.notifyAll();
            }
        }
    }

    long submit(final Command command)
    {
        final CompletableFuture<Long> seq = new CompletableFuture<>();
        live.submit(command, result -> seq.complete(result.seq()));
        return seq.join();
    }

    /** Deposits {@code amount} USD into account 1. */
    SagaFixture fund(final long amount)
    {
        submit(new Command().deposit(0, 1, USD_HI, USD_LO, amount));
        return this;
    }

    /** Requests a withdrawal of USD from account 1; returns its saga id. */
    long withdraw(final long amount, final long timeoutMillis, final int attempts)
    {
        return submit(new Command().withdrawRequest(0, 1, USD_HI, USD_LO, amount, timeoutMillis, attempts));
    }

    /** Waits until an event line (without seq) matches; returns it. */
    String awaitLine(final Predicate<String> wanted, final String what) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TestSettings.timeoutMillis(10) / 1000);
        synchronized (lines)
        {
            while (true)
            {
                for (final String line : lines)
                {
                    if (wanted.test(line))
                    {
                        return line;
                    }
                }
                final long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0)
                {
                    throw new AssertionError("no event line " + what + " in " + lines);
                }
                lines.wait(left);
            }
        }
    }

    /** Waits for the step {@code type} of saga {@code sagaId}, e.g. WITHDRAW_CONFIRMED. */
    String awaitStep(final String type, final long sagaId) throws InterruptedException
    {
        return awaitLine(line -> line.startsWith(type + "," + sagaId + ","), type + " of saga " + sagaId);
    }

    /** The saga's steps so far (the WITHDRAW_ lines naming it), in order. */
    List<String> steps(final long sagaId)
    {
        synchronized (lines)
        {
            return lines.stream().filter(line -> line.startsWith("WITHDRAW_") && line.split(",")[1].equals(Long.toString(sagaId)))
                .map(line -> line.substring(0, line.indexOf(','))).toList();
        }
    }

    List<String> lines()
    {
        synchronized (lines)
        {
            return List.copyOf(lines);
        }
    }

    /** Account 1's available USD, once the engine is idle. */
    long availableUsd()
    {
        live.engine().awaitIdle();
        final long[] available = {0};
        live.engine().logicWhenIdle().visit(new StateVisitor()
        {
            @Override
            public void balance(final long account, final long hi, final long lo, final long avail, final long reserved)
            {
                if (account == 1 && hi == USD_HI && lo == USD_LO)
                {
                    available[0] = avail;
                }
            }
        });
        return available[0];
    }

    /**
     * Conservation with amounts in flight: per asset, available + reserved over all accounts plus the
     * withdrawals in flight equals what came in minus what was paid out.
     */
    static void assertConserved(final BusinessLogic logic, final Map<String, Long> inMinusOut)
    {
        final Map<String, BigInteger> held = new HashMap<>();
        logic.visit(new StateVisitor()
        {
            @Override
            public void balance(final long account, final long hi, final long lo, final long available, final long reserved)
            {
                held.merge(AsciiName.toString(hi, lo), BigInteger.valueOf(available).add(BigInteger.valueOf(reserved)),
                    BigInteger::add);
            }

            @Override
            public void withdrawal(final long sagaId, final long account, final long hi, final long lo, final long amount,
                final long timeout, final int attempt, final int maxAttempts, final long deadline,
                final boolean cancelling)
            {
                held.merge(AsciiName.toString(hi, lo), BigInteger.valueOf(amount), BigInteger::add);
            }
        });
        final Map<String, BigInteger> expected = new HashMap<>();
        inMinusOut.forEach((asset, amount) -> expected.put(asset, BigInteger.valueOf(amount)));
        assertThat(held).as("held plus in flight, per asset").isEqualTo(expected);
    }

    @Override
    public void close()
    {
        if (worker != null)
        {
            worker.close();
        }
        live.close();
    }
}
