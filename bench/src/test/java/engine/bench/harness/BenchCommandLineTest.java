package engine.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The harness refuses what it does not understand instead of running with defaults. */
class BenchCommandLineTest
{
    @Test
    void shouldRefuseAnOptionTheCommandDoesNotTake()
    {
        final StringWriter err = new StringWriter();
        final CommandLine line = BenchMain.commandLine();
        line.setErr(new PrintWriter(err));

        final int status = line.execute("latency", "--rate", "100K");

        assertThat(status).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).contains("Unknown option").contains("--rate");
    }

    @Test
    void shouldRefuseACommonOptionOnMemory()
    {
        final CommandLine line = BenchMain.commandLine();
        line.setErr(new PrintWriter(new StringWriter()));

        assertThat(line.execute("memory", "--wait", "BLOCKING")).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(line.execute("plot", "--out", "x.svg")).as("no files").isEqualTo(CommandLine.ExitCode.USAGE);
    }

    @Test
    void shouldReadCountsWithSuffixes()
    {
        assertThat(Count.parse("3M")).isEqualTo(3_000_000);
        assertThat(Count.parse("2.5m")).isEqualTo(2_500_000);
        assertThat(Count.parse("100K")).isEqualTo(100_000);
        assertThat(Count.parse("1_000")).isEqualTo(1_000);
    }
}
