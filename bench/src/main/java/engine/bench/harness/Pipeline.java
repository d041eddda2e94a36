package engine.bench.harness;

import engine.api.Command;
import engine.app.Engine;
import engine.app.EngineConfig;
import engine.core.ResultListener;
import engine.core.WaitStrategyType;
import engine.journal.Durability;
import engine.journal.JournalDirectory;
import engine.journal.JournalWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A full engine (ingress ring, business logic, output ring, result handler, optional journal stage)
 * started for one benchmark run, with the pipeline settings of the command line.
 */
final class Pipeline implements AutoCloseable
{
    /** Pipeline settings shared by every harness command. */
    record Settings(WaitStrategyType waitStrategy, WaitStrategyType outputWaitStrategy, String journal, int ringSize,
        String pin, Path journalRoot)
    {
        Settings withJournal(final String mode)
        {
            return new Settings(waitStrategy, outputWaitStrategy, mode, ringSize, pin, journalRoot);
        }

        Settings withPin(final String placement)
        {
            return new Settings(waitStrategy, outputWaitStrategy, journal, ringSize, placement, journalRoot);
        }

        String describe()
        {
            return "wait " + waitStrategy + (outputWaitStrategy != waitStrategy ? " (output ring " + outputWaitStrategy + ")" : "") +
                ", journal " + journal + ", rings " + ringSize + "/" + Math.max(2, ringSize / 4) +
                ", pin " + (pin.isEmpty() ? "none (OS scheduler)" : pin);
        }
    }

    final Engine engine;
    private final JournalWriter journal;
    private final Path journalDir;
    private final Command[] chunk = new Command[Engine.MAX_BATCH];

    Pipeline(final Settings s, final int expectedOrders, final int expectedAccounts) throws Exception
    {
        final EngineConfig config = EngineConfig.fileReplay().toBuilder().waitStrategy(s.waitStrategy())
            .outputWaitStrategy(s.outputWaitStrategy())
            .ingressRingSize(s.ringSize()).outputRingSize(Math.max(2, s.ringSize() / 4))
            .expectedOrders(expectedOrders).expectedAccounts(expectedAccounts)
            .affinity(PinSpec.engineAffinity(s.pin())).build();
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
            journal = new JournalWriter(JournalDirectory.of(journalDir), Durability.parse(s.journal()),
                t -> System.err.println("bench: journal failed: " + t));
            builder.journalStage(journal);
        }
        engine = builder.start();
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
