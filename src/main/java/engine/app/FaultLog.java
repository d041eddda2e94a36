package engine.app;

import engine.api.Command;
import engine.format.CommandFileWriter;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where pipeline stages report bugs: an exception is logged with the command that caused it,
 * and the stage keeps running. Off the hot path: only reached when something went wrong.
 */
public final class FaultLog
{
    private final PrintStream out;
    private final AtomicLong count = new AtomicLong();

    public FaultLog(final PrintStream out)
    {
        this.out = out;
    }

    public void report(final Command command, final Throwable fault)
    {
        count.incrementAndGet();
        out.println("engine fault at seq " + command.seq() + " applying [" + CommandFileWriter.line(command) + "]: " + fault);
        fault.printStackTrace(out);
    }

    public void report(final String stage, final long sequence, final Throwable fault)
    {
        count.incrementAndGet();
        out.println("engine fault in " + stage + " at ring sequence " + sequence + ": " + fault);
        fault.printStackTrace(out);
    }

    public long count()
    {
        return count.get();
    }
}
