package engine.bench;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.EventTranslatorTwoArg;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import engine.api.Command;
import engine.app.Engine;
import engine.app.EngineConfig;
import engine.core.CommandSlot;
import engine.core.EventBatch;
import engine.core.ResultListener;
import engine.core.WaitStrategyType;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The ring hand-off. {@code publish}: the producer's cost of putting a command into an ingress ring
 * of {@link CommandSlot}s (the engine's translator: copy fields, set listener) while a consumer
 * thread drains it. {@code roundTrip}: one TICK through the whole {@link Engine} (ingress ring,
 * business logic, output ring, result handler) and back to the caller, one at a time: two thread
 * hand-offs each way with no matching in between.
 */
@State(Scope.Benchmark)
public class RingHandoffBenchmark extends BenchmarkDefaults
{
    private static final EventTranslatorTwoArg<CommandSlot, Command, ResultListener> TRANSLATOR =
        (slot, sequence, command, listener) ->
        {
            slot.copyFrom(command);
            slot.seq(sequence + 1);
            slot.listener(listener);
        };

    @Param({"BLOCKING", "SLEEPING", "YIELDING"})
    public WaitStrategyType wait;

    private Disruptor<CommandSlot> disruptor;
    private RingBuffer<CommandSlot> ring;
    private Engine engine;
    private final Command command = new Command().tick(1);
    private final Completion completion = new Completion();

    /** Counts results on the result-handler thread; the caller spins on it. */
    static final class Completion implements ResultListener
    {
        volatile long done;

        @Override
        public void onResult(final EventBatch result)
        {
            done = result.seq();
        }
    }

    static final class Drain implements EventHandler<CommandSlot>
    {
        long sum;

        @Override
        public void onEvent(final CommandSlot slot, final long sequence, final boolean endOfBatch)
        {
            sum += slot.timestamp();
        }
    }

    @Setup
    public void start()
    {
        disruptor = new Disruptor<>(CommandSlot::new, 1 << 16, runnable ->
        {
            final Thread thread = new Thread(runnable, "bench-drain");
            thread.setDaemon(true);
            return thread;
        }, ProducerType.SINGLE, wait.create());
        disruptor.handleEventsWith(new Drain());
        ring = disruptor.start();
        engine = Engine.builder(EngineConfig.fileReplay().toBuilder().waitStrategy(wait).build()).start();
    }

    @TearDown
    public void stop()
    {
        engine.close();
        disruptor.halt();
    }

    @Benchmark
    public void publish()
    {
        ring.publishEvent(TRANSLATOR, command, null);
    }

    @Benchmark
    public long roundTrip()
    {
        final long seq = engine.nextSeq();
        engine.submit(command, completion);
        while (completion.done < seq)
        {
            // Yield, not spin: on a machine with fewer cores than busy threads a spinning caller starves the engine.
            Thread.yield();
        }
        return seq;
    }
}
