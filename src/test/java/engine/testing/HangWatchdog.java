package engine.testing;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Turns a hung test into a fast, named failure instead of a build that never ends. Registered for
 * every test run (META-INF/services); when one test method has run longer than
 * {@code -Dtest.hang.minutes} (default 8, times {@code -Dtest.timeout.factor}) it prints which
 * test, a dump of every thread of this JVM and of each child process (engine servers and cluster
 * members started by the test), kills the children and halts this JVM, so Surefire reports the
 * fork as crashed and the build goes on to fail in minutes. A JUnit timeout cannot do this:
 * it interrupts the test thread, and a wait that ignores interrupts (a {@code join()}, a blocked
 * socket read) would still hang.
 */
public final class HangWatchdog implements TestExecutionListener
{
    private static final long LIMIT_NANOS = TimeUnit.SECONDS.toNanos(
        (long)(60 * Double.parseDouble(System.getProperty("test.hang.minutes", "8")) * TestSettings.TIMEOUT_FACTOR));

    private static final int MAX_FRAMES = 40;

    private final Map<String, Long> running = new ConcurrentHashMap<>();
    private volatile boolean planRunning;

    @Override
    public void testPlanExecutionStarted(final TestPlan plan)
    {
        planRunning = true;
        final Thread watchdog = new Thread(this::watch, "test-hang-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    @Override
    public void testPlanExecutionFinished(final TestPlan plan)
    {
        planRunning = false;
    }

    @Override
    public void executionStarted(final TestIdentifier test)
    {
        if (test.isTest())
        {
            running.put(test.getUniqueId(), System.nanoTime());
        }
    }

    @Override
    public void executionFinished(final TestIdentifier test, final TestExecutionResult result)
    {
        running.remove(test.getUniqueId());
    }

    private void watch()
    {
        while (planRunning)
        {
            final long now = System.nanoTime();
            for (final Map.Entry<String, Long> test : running.entrySet())
            {
                if (now - test.getValue() > LIMIT_NANOS)
                {
                    report(test.getKey(), TimeUnit.NANOSECONDS.toSeconds(now - test.getValue()));
                    Runtime.getRuntime().halt(97);
                }
            }
            try
            {
                Thread.sleep(1_000);
            }
            catch (final InterruptedException e)
            {
                return;
            }
        }
    }

    private static void report(final String test, final long seconds)
    {
        final String text = "HUNG TEST: " + test + " has run for " + seconds + " s (limit -Dtest.hang.minutes); thread dump follows\n" +
            threadDump() + childDumps();
        // Both streams and a file: whichever the build log keeps, the cause is in it.
        print(System.out, text);
        print(System.err, text);
        try
        {
            Files.writeString(Path.of(System.getProperty("test.hang.report", "target/hung-test.txt")), text, StandardCharsets.UTF_8);
        }
        catch (final IOException ignored)
        {
            // The streams above carry the same text.
        }
        ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
    }

    private static void print(final PrintStream stream, final String text)
    {
        stream.println(text);
        stream.flush();
    }

    private static String threadDump()
    {
        final StringBuilder dump = new StringBuilder();
        for (final ThreadInfo thread : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true))
        {
            dump.append('"').append(thread.getThreadName()).append("\" ").append(thread.getThreadState());
            if (thread.getLockName() != null)
            {
                dump.append(" on ").append(thread.getLockName());
            }
            dump.append('\n');
            final StackTraceElement[] frames = thread.getStackTrace();
            for (int i = 0; i < Math.min(frames.length, MAX_FRAMES); i++)
            {
                dump.append("    at ").append(frames[i]).append('\n');
            }
            dump.append('\n');
        }
        return dump.toString();
    }

    /** {@code jcmd Thread.print} of every child JVM, bounded so a stuck child cannot hang the report. */
    private static String childDumps()
    {
        final StringBuilder dumps = new StringBuilder();
        final String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        for (final ProcessHandle child : (Iterable<ProcessHandle>)ProcessHandle.current().descendants()::iterator)
        {
            dumps.append("---- child ").append(child.pid()).append(": ")
                .append(child.info().commandLine().orElse("?")).append('\n');
            try
            {
                final Process process = new ProcessBuilder(List.of(jcmd, Long.toString(child.pid()), "Thread.print"))
                    .redirectErrorStream(true).start();
                if (process.waitFor(20, TimeUnit.SECONDS))
                {
                    dumps.append(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
                }
                else
                {
                    process.destroyForcibly();
                    dumps.append("(jcmd did not answer in 20 s)\n");
                }
            }
            catch (final IOException | InterruptedException e)
            {
                dumps.append("(no dump: ").append(e).append(")\n");
            }
        }
        return dumps.toString();
    }
}
