package engine.cli;

import engine.api.SelfTradePrevention;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Runs command-file text through the real pipeline, the way {@code engine run} does, for tests. */
final class EngineRun
{
    final List<String> stdout;
    final String stderr;
    final CommandFileRunner.Summary summary;

    private EngineRun(final List<String> stdout, final String stderr, final CommandFileRunner.Summary summary)
    {
        this.stdout = stdout;
        this.stderr = stderr;
        this.summary = summary;
    }

    static EngineRun of(final List<String> lines, final SelfTradePrevention stp, final boolean dump)
    {
        return of(String.join("\n", lines) + "\n", stp, dump, false);
    }

    static EngineRun of(final String text, final SelfTradePrevention stp, final boolean dump, final boolean strict)
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        try
        {
            final CommandFileRunner.Summary summary = CommandFileRunner.run(
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), out,
                new PrintStream(err, true, StandardCharsets.UTF_8),
                CommandFileRunner.Options.defaults(stp).withDump(dump).withStrict(strict));
            return new EngineRun(out.toString(StandardCharsets.UTF_8).lines().toList(),
                err.toString(StandardCharsets.UTF_8), summary);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }

    /** The output without the STATE_HASH line, which only this engine can predict. */
    List<String> withoutHash()
    {
        return stdout.stream().filter(line -> !line.startsWith("STATE_HASH,")).toList();
    }

    String stateHash()
    {
        return stdout.stream().filter(line -> line.startsWith("STATE_HASH,")).findFirst().orElseThrow();
    }
}
