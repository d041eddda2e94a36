package engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import engine.api.SelfTradePrevention;
import engine.journal.Durability;
import engine.journal.JournalDirectory;
import engine.journal.JournalWriter;
import engine.testing.ChildEngine;
import engine.testing.TestSettings;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code journal cat} by time range and account, on a real journal, as a user runs it. */
class JournalCatTimeRangeTest
{
    /** 2025-12-02T12:00:00Z in epoch milliseconds. */
    private static final long NOON = 1_764_676_800_000L;
    private static final String FILE = String.join("\n",
        "SYMBOL," + NOON + ",BTC-USD,BTC,USD,1,1",
        "DEPOSIT," + NOON + ",1,USD,1000",
        "DEPOSIT," + (NOON + 1000) + ",2,USD,1000",
        "PLACE," + (NOON + 2000) + ",1,10,BTC-USD,BUY,LIMIT,GTC,100,1",
        "WITHDRAW," + (NOON + 3000) + ",2,USD,5",
        "WITHDRAW," + (NOON + 3000) + ",1,USD,5",
        "DEPOSIT," + (NOON + 4000) + ",1,USD,7", "");

    @TempDir
    Path dir;

    private record Run(int status, String out, String err)
    {
    }

    private Run cat(final String... options) throws Exception
    {
        final List<String> args = new ArrayList<>(List.of("journal", "cat", dir.toString()));
        args.addAll(List.of(options));
        final Path out = dir.resolve("out.txt");
        final Path err = dir.resolve("err.txt");
        final Process child = new ProcessBuilder(ChildEngine.command(List.of("-Xmx128m"), args.toArray(new String[0])))
            .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(child.waitFor(TestSettings.timeoutMillis(60), TimeUnit.MILLISECONDS)).isTrue();
        return new Run(child.exitValue(), Files.readString(out), Files.readString(err));
    }

    private void journal() throws Exception
    {
        final JournalDirectory directory = JournalDirectory.of(dir);
        directory.settle(SelfTradePrevention.NONE);
        try (JournalWriter writer = new JournalWriter(directory, Durability.ASYNC, failure ->
        {
            throw new AssertionError("journal failed", failure);
        }))
        {
            CommandFileRunner.run(new ByteArrayInputStream(FILE.getBytes(StandardCharsets.US_ASCII)), new ByteArrayOutputStream(),
                new PrintStream(new ByteArrayOutputStream()), CommandFileRunner.Options.defaults(SelfTradePrevention.NONE), writer);
        }
    }

    @Test
    void shouldPrintOnlyTheCommandsOfTheTimeRangeAndAccount() throws Exception
    {
        journal();

        // ISO-8601 with an offset and epoch milliseconds, both inclusive.
        final Run run = cat("--from-time", "2025-12-02T13:00:01.001+01:00", "--to-time", Long.toString(NOON + 3000),
            "--account", "1");

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("PLACE," + (NOON + 2000) + ",1,10,BTC-USD,BUY,LIMIT,GTC,100,1\n" +
            "WITHDRAW," + (NOON + 3000) + ",1,USD,5\n");
        assertThat(run.err()).contains("7 entries read");
    }

    @Test
    void shouldNameABadTimeOptionBeforeReadingAnything()
    {
        assertThat(refusal("--from-time", "yesterday")).contains("--from-time").contains("'yesterday' is not a time")
            .contains("ISO-8601");
        assertThat(refusal("--to-time", "2025-12-02T12:00:00")).contains("--to-time").contains("needs Z or an offset");
        assertThat(refusal("--from-time", "2025-12-02T12:00:01Z", "--to-time", "2025-12-02T12:00:00Z"))
            .contains("--to-time must not be before --from-time");
        assertThat(refusal("--account", "one")).contains("--account");
    }

    /** What {@code journal cat DIR OPTIONS} says on standard error when it refuses them (exit status 2). */
    private String refusal(final String... options)
    {
        final List<String> args = new ArrayList<>(List.of("journal", "cat", dir.toString()));
        args.addAll(List.of(options));
        final StringWriter err = new StringWriter();
        final CommandLine cli = Main.commandLine();
        cli.setErr(new PrintWriter(err)).setOut(new PrintWriter(new StringWriter()));
        assertThat(cli.execute(args.toArray(new String[0]))).as(err.toString()).isEqualTo(2);
        return err.toString();
    }
}
