package engine.app;

import engine.api.Command;
import engine.core.ResultListener;
import java.io.IOException;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends commands open loop at a fixed rate: command {@code i} is due at {@code start + i / rate}
 * and goes out as soon as it is due, never waiting for results; a sender that has fallen behind
 * sends everything that is due at once. Latency measured from {@link #due} (not from when a command
 * actually went out) charges a stalled pipeline for every command it delayed, so there is no
 * coordinated omission. Used by {@code engine demo} and by the benchmark harness, so both pace alike.
 */
public final class PacedSender
{
    /** Commands to send, in order; {@code null} when there are no more. */
    @FunctionalInterface
    public interface Feed
    {
        Command next() throws IOException;

        /** The commands of an array, one after the other. */
        static Feed of(final Command[] commands)
        {
            final int[] next = new int[1];
            return () -> next[0] < commands.length ? commands[next[0]++] : null;
        }
    }

    /** Where commands go, usually {@code engine::submit}. */
    @FunctionalInterface
    public interface Submitter
    {
        void submit(Command command, ResultListener listener);
    }

    /** Further ahead of time than this, the sender parks; closer, it yields (a spin would starve a small machine). */
    private static final long PARK_MARGIN_NANOS = 50_000;

    private final double nanosPerCommand;
    /** When each command actually went out; written before it is submitted, so its result handler may read it. */
    private final long[] sent;
    private volatile long start;

    /**
     * @param rate     commands per second
     * @param capacity the most commands one {@link #send} sends
     */
    public PacedSender(final long rate, final int capacity)
    {
        if (rate <= 0)
        {
            throw new IllegalArgumentException("rate must be positive: " + rate);
        }
        this.nanosPerCommand = 1e9 / rate;
        this.sent = new long[capacity];
    }

    /** When command {@code index} of the current {@link #send} is due, in {@link System#nanoTime} terms. */
    public long due(final long index)
    {
        return start + (long)(index * nanosPerCommand);
    }

    /** When command {@code index} actually went out. */
    public long sentAt(final int index)
    {
        return sent[index];
    }

    /** When command 0 of the current {@link #send} was due. */
    public long start()
    {
        return start;
    }

    /**
     * Sends up to {@code count} commands (at most the capacity) from {@code feed}, the first due at
     * {@code startNanos}, each to {@code to} with {@code listener}.
     *
     * @return how many it sent (fewer than {@code count} when the feed ran out)
     */
    public int send(final Feed feed, final int count, final long startNanos, final Submitter to,
        final ResultListener listener) throws IOException
    {
        final int limit = Math.min(count, sent.length);
        start = startNanos;
        int next = 0;
        Command command;
        while (next < limit && (command = feed.next()) != null)
        {
            final long due = due(next);
            long now = System.nanoTime();
            while (now < due)
            {
                if (due - now > PARK_MARGIN_NANOS)
                {
                    LockSupport.parkNanos(due - now - PARK_MARGIN_NANOS);
                }
                else
                {
                    Thread.yield();
                }
                now = System.nanoTime();
            }
            sent[next] = now;
            to.submit(command, listener);
            next++;
        }
        return next;
    }
}
