package engine.bench.harness;

import engine.core.WaitStrategyType;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Option;

/** The engine settings every pipeline-measuring harness command takes. */
final class PipelineOptions
{
    @Option(names = "--wait", defaultValue = "YIELDING", description = "ring wait strategy (default ${DEFAULT-VALUE})")
    String waitStrategy;

    @Option(names = "--output-wait", description = "output ring wait strategy (default: as --wait)")
    String outputWaitStrategy;

    @Option(names = "--journal", defaultValue = "off", description = "journal: off, async or sync (default ${DEFAULT-VALUE})")
    String journal;

    @Option(names = "--ring", defaultValue = "65536", converter = Count.class, description = "ingress ring size (default 65536)")
    long ringSize;

    @Option(names = "--pin", defaultValue = "", description = "thread placement, e.g. blp=1,io=0,producer=0 (default: none)")
    String pin;

    @Option(names = "--journal-dir", description = "where run journals go (default: the temporary folder)")
    Path journalDir;

    @Option(names = "--expected-orders", defaultValue = "65536", converter = Count.class,
        description = "order pool presize (default 65536)")
    long expectedOrders;

    Pipeline.Settings settings()
    {
        final WaitStrategyType wait = WaitStrategyType.valueOf(waitStrategy.toUpperCase(Locale.ROOT));
        final WaitStrategyType outputWait = outputWaitStrategy == null ? wait
            : WaitStrategyType.valueOf(outputWaitStrategy.toUpperCase(Locale.ROOT));
        return new Pipeline.Settings(wait, outputWait, journal.toLowerCase(Locale.ROOT), Math.toIntExact(ringSize), pin,
            journalDir != null ? journalDir : Path.of(System.getProperty("java.io.tmpdir")));
    }

    int expectedOrders()
    {
        return Math.toIntExact(expectedOrders);
    }
}
