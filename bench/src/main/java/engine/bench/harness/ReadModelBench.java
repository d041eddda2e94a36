package engine.bench.harness;

import engine.api.Command;
import engine.api.SelfTradePrevention;
import engine.app.Engine;
import engine.app.EngineConfig;
import engine.core.EventBatch;
import engine.core.WaitStrategyType;
import engine.format.CommandFileParser;
import engine.http.ApiKeys;
import engine.http.HttpApi;
import engine.logic.BusinessLogic;
import engine.readmodel.ReadModel;
import engine.readmodel.ReadModels;
import engine.workload.WorkloadGenerator;
import engine.workload.WorkloadProfile;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.HdrHistogram.Histogram;

/**
 * {@code scripts/bench readmodels [COMMANDS]}: measurements, not a test: read-model throughput on
 * stored events, the engine's throughput with and without the read models attached, and
 * depth-query latency (in process and over HTTP) while the engine runs. Prints its numbers.
 */
public final class ReadModelBench
{
    private ReadModelBench()
    {
    }

    public static void main(final String[] args) throws Exception
    {
        if (args.length > 1)
        {
            throw new IllegalArgumentException("usage: scripts/bench readmodels [COMMANDS]");
        }
        final int commands = args.length > 0 ? Math.toIntExact(Count.parse(args[0])) : 300_000;
        run(commands);
    }

    private static void run(final int count) throws Exception
    {
        final List<String> lines = workload(count);
        final List<long[]> stored = new ArrayList<>();
        final long events = store(lines, stored);
        System.out.printf("workload: %,d commands, %,d events (realistic profile)%n", stored.size(), events);
        // Early rounds warm the JIT up; the last one is the number to quote.
        for (int round = 0; round < 5; round++)
        {
            feedEach(stored, events);
        }
        final Command[] commands = parse(lines);
        for (int round = 0; round < 2; round++)
        {
            engineRun(commands, Mode.NONE, 0);
            engineRun(commands, Mode.EACH, 0);
            engineRun(commands, Mode.SINGLE, 0);
        }
        engineRun(commands, Mode.EACH, 50_000);
        engineRun(commands, Mode.SINGLE, 50_000);
    }

    private static List<String> workload(final int count) throws Exception
    {
        final StringWriter out = new StringWriter();
        new WorkloadGenerator(WorkloadProfile.REALISTIC, 7).write(count, out);
        return List.of(out.toString().split("\n"));
    }

    /** Runs the lines through a bare business logic and keeps each command's events as raw records. */
    private static long store(final List<String> lines, final List<long[]> stored)
    {
        final int words = EventBatch.recordWords();
        final long[] count = new long[1];
        // A bare business logic, one batch per command, on this thread.
        final BusinessLogic logic = new BusinessLogic(SelfTradePrevention.NONE);
        final CommandFileParser parser = new CommandFileParser();
        final Command command = new Command();
        final EventBatch b = new EventBatch();
        long seq = 0;
        for (final String line : lines)
        {
            if (parser.parse(line, command) != CommandFileParser.Outcome.COMMAND)
            {
                continue;
            }
            command.seq(++seq);
            b.begin(command, null);
            logic.apply(command, b);
            final long[] record = new long[4 + b.count() * words];
            record[0] = b.seq();
            record[1] = b.timestamp();
            record[2] = b.commandType().ordinal();
            record[3] = b.count();
            for (int i = 0; i < b.count(); i++)
            {
                b.copyRecord(i, record, 4 + i * words);
            }
            stored.add(record);
            count[0] += b.count();
        }
        return count[0];
    }

    private static void feedEach(final List<long[]> stored, final long events)
    {
        final ReadModels models = new ReadModels(1_000_000L);
        final List<ReadModel> each = List.of(models.depth(), models.trades(), models.accounts(), models.orders(),
            models.commands());
        final EventBatch batch = new EventBatch();
        final StringBuilder line = new StringBuilder("read models (events/s, one thread each, stored events):");
        for (final ReadModel model : each)
        {
            final long start = System.nanoTime();
            for (final long[] r : stored)
            {
                rebuild(batch, r);
                model.accept(batch);
            }
            final long nanos = System.nanoTime() - start;
            line.append(String.format(" %s %,.0f", model.getClass().getSimpleName(), events * 1e9 / nanos));
        }
        System.out.println(line);
    }

    private static void rebuild(final EventBatch batch, final long[] r)
    {
        batch.begin(r[0], r[1], engine.api.CommandType.fromCode((int)r[2]));
        for (int i = 0; i < r[3]; i++)
        {
            batch.appendRecord(r, 4 + i * EventBatch.recordWords());
        }
    }

    private static Command[] parse(final List<String> lines)
    {
        final CommandFileParser parser = new CommandFileParser();
        final List<Command> out = new ArrayList<>();
        for (final String line : lines)
        {
            final Command c = new Command();
            if (parser.parse(line, c) == CommandFileParser.Outcome.COMMAND)
            {
                out.add(c);
            }
        }
        return out.toArray(new Command[0]);
    }

    /** Submits every command as fast as the ring takes them; with models, queries depth meanwhile. */
    private enum Mode
    {
        NONE, EACH, SINGLE
    }

    /** Submits the commands flat out ({@code rate} 0) or paced at {@code rate} per second. */
    private static void engineRun(final Command[] commands, final Mode mode, final int rate) throws Exception
    {
        final boolean withModels = mode != Mode.NONE;
        final EngineConfig config = EngineConfig.fileReplay().toBuilder()
            .waitStrategy(WaitStrategyType.DEFAULT).build();
        final ReadModels models = new ReadModels(1_000_000L);
        final Engine.Builder builder = Engine.builder(config);
        if (mode == Mode.EACH)
        {
            models.handlers().forEach(builder::outputHandler);
        }
        else if (mode == Mode.SINGLE)
        {
            builder.outputHandler(models.singleHandler());
        }
        final Engine engine = builder.start();
        final Histogram latency = new Histogram(3);
        final Histogram httpLatency = new Histogram(3);
        final AtomicBoolean running = new AtomicBoolean(true);
        final HttpApi api = withModels ? HttpApi.start(engine, models,
            ApiKeys.of(java.util.Map.of("perf-key-0001", "account:1")), 0) : null;
        final Thread httpReader = new Thread(() -> httpQueries(api, running, httpLatency));
        final Thread reader = new Thread(() ->
        {
            while (running.get())
            {
                final long t0 = System.nanoTime();
                models.depth().depth("SYM0", 10);
                latency.recordValue(System.nanoTime() - t0);
                java.util.concurrent.locks.LockSupport.parkNanos(100_000);
            }
        });
        if (withModels)
        {
            reader.start();
            httpReader.start();
        }
        final long start = System.nanoTime();
        final int step = rate == 0 ? Engine.MAX_BATCH : Math.max(1, rate / 1000);
        for (int i = 0; i < commands.length; i += step)
        {
            if (rate > 0)
            {
                // Paced: the i-th command is due at i / rate seconds.
                final long due = start + (long)i * 1_000_000_000L / rate;
                while (System.nanoTime() < due)
                {
                    java.util.concurrent.locks.LockSupport.parkNanos(100_000);
                }
            }
            final int n = Math.min(step, commands.length - i);
            final Command[] chunk = java.util.Arrays.copyOfRange(commands, i, i + n);
            engine.submitBatch(chunk, n);
        }
        engine.awaitIdle();
        final long nanos = System.nanoTime() - start;
        running.set(false);
        if (withModels)
        {
            reader.join();
            httpReader.join();
            api.close();
        }
        engine.close();
        System.out.printf("engine, read models %s, " + (rate == 0 ? "flat out" : "paced at " + rate + "/s") +
            ": %,d commands in %.2f s = %,.0f commands/s%s%n",
            mode, commands.length, nanos / 1e9, commands.length * 1e9 / nanos,
            withModels ? String.format("; depth query under load p50 %.1f us, p99 %.1f us, max %.1f us (%,d queries)",
                latency.getValueAtPercentile(50) / 1e3, latency.getValueAtPercentile(99) / 1e3,
                latency.getMaxValue() / 1e3, latency.getTotalCount()) : "");
        if (withModels)
        {
            System.out.printf("  HTTP GET depth under load: p50 %.0f us, p99 %.0f us, max %.0f us (%,d queries)%n",
                httpLatency.getValueAtPercentile(50) / 1e3, httpLatency.getValueAtPercentile(99) / 1e3,
                httpLatency.getMaxValue() / 1e3, httpLatency.getTotalCount());
        }
    }

    /** One client, one request at a time, over a kept-alive connection, for as long as the engine runs. */
    private static void httpQueries(final HttpApi api, final AtomicBoolean running, final Histogram latency)
    {
        final java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        final java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + api.port() + "/symbols/SYM0/depth?levels=10"))
            .header("X-API-Key", "perf-key-0001").GET().build();
        while (running.get())
        {
            try
            {
                final long t0 = System.nanoTime();
                client.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
                latency.recordValue(System.nanoTime() - t0);
            }
            catch (final Exception e)
            {
                return;
            }
        }
    }
}
