package engine.bench.harness;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where a harness command leaves its report: {@code --results DIR --stamp STAMP} (scripts/bench passes both). */
final class ReportOptions
{
    @Option(names = "--results", defaultValue = "bench/results", description = "report folder (default ${DEFAULT-VALUE})")
    Path results;

    @Option(names = "--stamp", description = "report name suffix (default: the time in milliseconds)")
    String stamp = String.valueOf(System.currentTimeMillis());
}
