package engine.bench.harness;

import com.lmax.disruptor.EventHandler;
import engine.api.Command;
import engine.app.Engine;
import engine.app.EngineConfig;
import engine.core.CommandSlot;
import engine.core.ResultListener;
import engine.core.WaitStrategyType;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A full engine (ingress ring, business logic, output ring, result handler, optional journal stage)
 * started for one benchmark run, with the pipeline settings of the command line.
 *
 * <p>The journal stage ({@code engine.journal.JournalWriter}) is looked up by reflection so the
 * harness keeps compiling while that package changes; {@code --journal off} never touches it.
 */
final class Pipeline implements AutoCloseable
{
    /** Pipeline settings shared by every harness command. */
    record Settings(WaitStrategyType waitStrategy, WaitStrategyType outputWaitStrategy, String journal, int ringSize,
        String pin, Path journalRoot)
    {
        static Settings from(final Options o)
        {
            final WaitStrategyType wait = WaitStrategyType.valueOf(o.get("wait", "YIELDING").toUpperCase(Locale.ROOT));
            return new Settings(wait, WaitStrategyType.valueOf(o.get("output-wait", wait.name()).toUpperCase(Locale.ROOT)),
                o.get("journal", "off").toLowerCase(Locale.ROOT), o.getInt("ring", 1 << 16), o.get("pin", ""),
                Path.of(o.get("journal-dir", System.getProperty("java.io.tmpdir"))));
        }

        Settings withJournal(final String mode)
        {
            return new Settings(waitStrategy, outputWaitStrategy, mode, ringSize, pin, journalRoot);
        }

        String describe()
        {
            return "wait " + waitStrategy + (outputWaitStrategy != waitStrategy ? " (output ring " + outputWaitStrategy + ")" : "") +
                ", journal " + journal + ", rings " + ringSize + "/" + Math.max(2, ringSize / 4) +
                ", pin " + (pin.isEmpty() ? "none (OS scheduler)" : pin);
        }
    }

    final Engine engine;
    private final AutoCloseable journal;
    private final Path journalDir;
    private final Command[] chunk = new Command[Engine.MAX_BATCH];

    Pipeline(final Settings s, final int expectedOrders, final int expectedAccounts) throws Exception
    {
        final EngineConfig config = EngineConfig.fileReplay().toBuilder().waitStrategy(s.waitStrategy())
            .outputWaitStrategy(s.outputWaitStrategy())
            .ingressRingSize(s.ringSize()).outputRingSize(Math.max(2, s.ringSize() / 4))
            .expectedOrders(expectedOrders).expectedAccounts(expectedAccounts)
            .affinity(Pinning.engineAffinity(s.pin())).build();
        final Engine.Builder builder = Engine.builder(config);
        if (s.journal().equals("off"))
        {
            journal = null;
            journalDir = null;
        }
        else
        {
            Files.createDirectories(s.journalRoot());
            journalDir = Files.createTempDirectory(s.journalRoot(), "bench-journal-");
            journal = journalWriter(journalDir, s.journal());
            @SuppressWarnings("unchecked")
            final EventHandler<CommandSlot> stage = (EventHandler<CommandSlot>)journal;
            builder.journalStage(stage);
        }
        engine = builder.start();
    }

    private static AutoCloseable journalWriter(final Path dir, final String mode) throws Exception
    {
        final Class<?> directoryType = Class.forName("engine.journal.JournalDirectory");
        final Class<?> durabilityType = Class.forName("engine.journal.Durability");
        final Class<?> writerType = Class.forName("engine.journal.JournalWriter");
        final Object directory = directoryType.getMethod("of", Path.class).invoke(null, dir);
        final Object durability = durabilityType.getMethod("parse", String.class).invoke(null, mode);
        final Constructor<?> constructor = writerType.getConstructor(directoryType, durabilityType, Consumer.class);
        final Consumer<Throwable> onFailure = t -> System.err.println("bench: journal failed: " + t);
        return (AutoCloseable)constructor.newInstance(directory, durability, onFailure);
    }

    /** Submits commands in ring batches, without listeners. */
    void submitAll(final Command[] commands, final int from, final int to)
    {
        int i = from;
        while (i < to)
        {
            final int n = Math.min(chunk.length, to - i);
            System.arraycopy(commands, i, chunk, 0, n);
            engine.submitBatch(chunk, n);
            i += n;
        }
    }

    void submit(final Command command, final ResultListener listener)
    {
        engine.submit(command, listener);
    }

    @Override
    public void close() throws Exception
    {
        engine.close();
        if (journal != null)
        {
            journal.close();
        }
        if (journalDir != null)
        {
            try (Stream<Path> files = Files.walk(journalDir))
            {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
            catch (final IOException e)
            {
                System.err.println("bench: could not delete " + journalDir + ": " + e);
            }
        }
    }
}
