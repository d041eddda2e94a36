package engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The command line refuses what it does not know, even when help was asked for. */
class MainTest
{
    @Test
    void shouldNameAnUnknownCommandAndFailEvenWithHelp()
    {
        final StringWriter err = new StringWriter();
        final StringWriter out = new StringWriter();
        final CommandLine cli = Main.commandLine();
        cli.setErr(new PrintWriter(err)).setOut(new PrintWriter(out));

        final int status = cli.execute("nosuchcommand", "--help");

        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("unknown command 'nosuchcommand'");
    }

    @Test
    void shouldNameAnUnknownOptionOfACommandEvenWithHelp()
    {
        final StringWriter err = new StringWriter();
        final CommandLine cli = Main.commandLine();
        cli.setErr(new PrintWriter(err)).setOut(new PrintWriter(new StringWriter()));

        assertThat(cli.execute("gen", "--bogus", "--help")).isEqualTo(2);
        assertThat(err.toString()).contains("--bogus");
    }

    @Test
    void shouldStillPrintHelpForAKnownCommand()
    {
        final StringWriter out = new StringWriter();
        final CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out)).setErr(new PrintWriter(new StringWriter()));

        assertThat(cli.execute("gen", "--help")).isZero();
        assertThat(out.toString()).contains("Usage: engine gen");
    }
}
