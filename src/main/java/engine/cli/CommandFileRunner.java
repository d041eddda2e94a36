package engine.cli;

import com.lmax.disruptor.EventHandler;
import engine.api.Command;
import engine.api.SelfTradePrevention;
import engine.app.Engine;
import engine.app.EngineConfig;
import engine.core.CommandSlot;
import engine.core.WaitStrategyType;
import engine.format.CanonicalWriter;
import engine.format.CommandFileParser;
import engine.format.Excerpt;
import engine.format.LineReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * Runs a command file through the same rings and business logic as live traffic and writes
 * the canonical output. Streams: memory is bounded by the engine state, not the file length.
 */
public final class CommandFileRunner
{
    private static final int BATCH = 256;

    /** How a run went; {@code malformed} lines were reported and skipped. */
    public record Summary(long commands, long malformed, long events, long nanos, boolean stoppedEarly)
    {
        public double commandsPerSecond()
        {
            return nanos == 0 ? 0 : commands * 1e9 / nanos;
        }
    }

    /** Run options; {@code config} supplies rings, wait strategy and self-trade prevention. */
    public record Options(EngineConfig config, boolean dump, boolean strict)
    {
        public static Options defaults(final SelfTradePrevention stp)
        {
            return new Options(EngineConfig.fileReplay().toBuilder().selfTradePrevention(stp)
                .waitStrategy(WaitStrategyType.BACKOFF).build(), false, false);
        }

        public Options withDump(final boolean value)
        {
            return new Options(config, value, strict);
        }

        public Options withStrict(final boolean value)
        {
            return new Options(config, dump, value);
        }
    }

    private CommandFileRunner()
    {
    }

    public static Summary run(final InputStream in, final OutputStream out, final PrintStream err,
        final Options options) throws IOException
    {
        return run(in, out, err, options, null);
    }

    /** As {@link #run(InputStream, OutputStream, PrintStream, Options)}, journaling through {@code journal} if not null. */
    public static Summary run(final InputStream in, final OutputStream out, final PrintStream err,
        final Options options, final EventHandler<CommandSlot> journal) throws IOException
    {
        final CanonicalWriter writer = new CanonicalWriter(out);
        final Engine.Builder builder = Engine.builder(options.config()).onResultThread(writer);
        final Engine engine = (journal == null ? builder : builder.journalStage(journal)).start();
        final long started = System.nanoTime();
        final Command[] batch = new Command[BATCH];
        for (int i = 0; i < BATCH; i++)
        {
            batch[i] = new Command();
        }
        final CommandFileParser parser = new CommandFileParser();
        final LineReader lines = new LineReader(in);
        long lineNumber = 0;
        long commands = 0;
        long malformed = 0;
        boolean stopped = false;
        int pending = 0;
        try
        {
            while (lines.next())
            {
                lineNumber++;
                final CommandFileParser.Outcome outcome =
                    parser.parse(lines.bytes(), lines.start(), lines.end(), batch[pending]);
                if (outcome == CommandFileParser.Outcome.COMMAND)
                {
                    commands++;
                    if (++pending == BATCH)
                    {
                        engine.submitBatch(batch, pending);
                        pending = 0;
                    }
                }
                else if (outcome == CommandFileParser.Outcome.MALFORMED)
                {
                    malformed++;
                    err.println("line " + lineNumber + (options.strict() ? ": malformed, run stopped: " : ": malformed, skipped: ") +
                        parser.error() + ": " + Excerpt.of(lines.bytes(), lines.start(), lines.end()));
                    if (options.strict())
                    {
                        stopped = true;
                        break;
                    }
                }
            }
            engine.submitBatch(batch, pending);
        }
        finally
        {
            engine.close();
            writer.flush();
        }
        final long nanos = System.nanoTime() - started;
        if (options.dump())
        {
            DumpWriter.write(engine.logicWhenIdle(), out);
        }
        return new Summary(commands, malformed, writer.events(), nanos, stopped);
    }
}
