package engine.bench.harness;

import engine.api.Command;
import engine.api.CommandType;
import engine.api.EventType;
import engine.api.Reason;
import engine.api.SelfTradePrevention;
import engine.core.EventBatch;
import engine.logic.BusinessLogic;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Commands per second on a prepared command file published back to back. Each run starts a fresh
 * engine, applies the file's set-up untimed, then times the order flow from the first submit until
 * every stage (journal and result handler included) has processed the last command. Modes:
 * {@code blp} (the business logic alone on one thread, no rings), {@code off}, {@code async},
 * {@code sync} (the full pipeline with that journal setting). The modes take turns, round by
 * round, so that machine noise falls on all of them alike; the first {@code warmup} rounds are
 * reported but left out of the statistics.
 */
final class Throughput
{
    private final Workload workload;
    private final Pipeline.Settings settings;
    private final int expectedOrders;
    private final int expectedAccounts;

    Throughput(final Workload workload, final Pipeline.Settings settings, final int expectedOrders)
    {
        this.workload = workload;
        this.settings = settings;
        this.expectedOrders = expectedOrders;
        this.expectedAccounts = maxAccount(workload.setup());
    }

    static int maxAccount(final Command[] setup)
    {
        long max = 16;
        for (final Command c : setup)
        {
            if (c.type() == CommandType.DEPOSIT)
            {
                max = Math.max(max, c.account());
            }
        }
        return (int)Math.min(max, 1 << 24);
    }

    /** @return per mode, the measured commands/s of each measured round. */
    List<double[]> run(final List<String> modes, final int warmup, final int runs, final PrintStream out)
        throws Exception
    {
        final List<double[]> results = new ArrayList<>();
        for (int m = 0; m < modes.size(); m++)
        {
            results.add(new double[runs]);
        }
        for (int round = 0; round < warmup + runs; round++)
        {
            for (int m = 0; m < modes.size(); m++)
            {
                final String mode = modes.get(m);
                final long nanos = mode.equals("blp") ? runLogic() : runPipeline(settings.withJournal(mode));
                final double rate = workload.flow().length * 1e9 / nanos;
                final boolean measured = round >= warmup;
                if (measured)
                {
                    results.get(m)[round - warmup] = rate;
                }
                out.printf("%-6s round %2d: %,12.0f commands/s  (%.3f s)%s%n", mode, round + 1, rate, nanos / 1e9,
                    measured ? "" : "  warm-up, excluded");
                out.flush();
            }
        }
        return results;
    }

    private long runLogic() throws Exception
    {
        final long[] nanos = new long[1];
        ProducerThread.run(() ->
        {
            PinSpec.pinProducer(settings.pin());
            final BusinessLogic logic = new BusinessLogic(SelfTradePrevention.NONE, expectedOrders, expectedAccounts);
            final EventBatch sink = new EventBatch();
            apply(logic, sink, workload.setup());
            final long started = System.nanoTime();
            apply(logic, sink, workload.flow());
            nanos[0] = System.nanoTime() - started;
        });
        return nanos[0];
    }

    private static void apply(final BusinessLogic logic, final EventBatch sink, final Command[] commands)
    {
        // In chunks, so that the loop is an ordinary hot method and not one long on-stack-replaced loop.
        for (int from = 0; from < commands.length; from += 1024)
        {
            applyRange(logic, sink, commands, from, Math.min(commands.length, from + 1024));
        }
    }

    private static void applyRange(final BusinessLogic logic, final EventBatch sink, final Command[] commands,
        final int from, final int to)
    {
        for (int i = from; i < to; i++)
        {
            sink.begin(commands[i], null);
            logic.apply(commands[i], sink);
        }
    }

    /** What the timed commands do, from one untimed pass of the business logic: keeps the harness honest. */
    String check()
    {
        final BusinessLogic logic = new BusinessLogic(SelfTradePrevention.NONE, expectedOrders, expectedAccounts);
        final EventBatch sink = new EventBatch();
        apply(logic, sink, workload.setup());
        final long restingBefore = logic.openOrderCount();
        final long[] byType = new long[EventType.values().length];
        final java.util.Map<Reason, Long> rejects = new java.util.EnumMap<>(Reason.class);
        long trading = 0;
        for (final Command c : workload.flow())
        {
            sink.begin(c, null);
            logic.apply(c, sink);
            boolean traded = false;
            for (int i = 0; i < sink.count(); i++)
            {
                final EventType t = sink.type(i);
                byType[t.ordinal()]++;
                traded |= t == EventType.TRADE;
                if (t == EventType.REJECTED)
                {
                    rejects.merge(sink.reason(i), 1L, Long::sum);
                }
            }
            trading += traded ? 1 : 0;
        }
        final StringBuilder s = new StringBuilder();
        for (final EventType t : EventType.values())
        {
            if (byType[t.ordinal()] > 0)
            {
                s.append(t).append(' ').append(byType[t.ordinal()]).append(", ");
            }
        }
        return String.format("events: %srejections %s; %.2f%% of commands trade; resting orders %d before, %d after",
            s, rejects, 100.0 * trading / workload.flow().length, restingBefore, logic.openOrderCount());
    }

    private long runPipeline(final Pipeline.Settings s) throws Exception
    {
        final long[] nanos = new long[1];
        ProducerThread.run(() ->
        {
            PinSpec.pinProducer(s.pin());
            try (Pipeline pipeline = new Pipeline(s, expectedOrders, expectedAccounts))
            {
                pipeline.submitAll(workload.setup(), 0, workload.setup().length);
                pipeline.engine.awaitIdle();
                final long started = System.nanoTime();
                pipeline.submitAll(workload.flow(), 0, workload.flow().length);
                pipeline.engine.awaitIdle();
                nanos[0] = System.nanoTime() - started;
            }
        });
        return nanos[0];
    }
}
