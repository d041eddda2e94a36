package engine.server;

import engine.api.Command;
import engine.core.EventBatch;
import engine.core.ResultListener;
import engine.format.AsciiBuffer;
import engine.format.CanonicalFormat;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.locks.LockSupport;

/**
 * One client of the {@link LineServer}: a reader thread parses lines straight from the socket's
 * bytes and submits them in order; a writer thread sends the answers in the same order. Between
 * them a ring of {@link #IN_FLIGHT} answer slots, each with a reusable text buffer: a malformed
 * line's slot is filled by the reader at once, a command's slot by the engine's I/O thread once
 * the command is journaled (this connection is the command's {@link ResultListener}).
 *
 * <p>Nothing is allocated per request once the buffers have grown to the largest answer: no
 * strings, futures or lambdas, so a busy connection creates no garbage for the collector.
 * Commands of one connection get their results in submission order (one total order in the
 * engine), so the reader notes each command's slot in a second ring and the listener takes them
 * in turn.
 */
final class LineConnection implements ResultListener
{
    /** Answers a client may have outstanding before its reader waits. */
    static final int IN_FLIGHT = 4096;
    private static final byte[] OK = "OK,".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ERROR = "ERROR,".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SNAPSHOT = "SNAPSHOT,".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SNAPSHOT_LINE = "SNAPSHOT".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_LINE = 1 << 16;
    private static final int WRITER_YIELDS = 2_000;

    /** One answer: written by the reader (errors) or the I/O thread (results), read by the writer. */
    private static final class Answer
    {
        final AsciiBuffer text = new AsciiBuffer(256);
        /** The reader's end-of-input marker: the writer closes the connection here. */
        boolean end;
        volatile boolean ready;
    }

    private final Socket client;
    private final LiveEngine live;
    private final LineServer.LineDecoder decoder;
    private final Answer[] answers = new Answer[IN_FLIGHT];
    private final Command command = new Command();
    private final byte[] in = new byte[MAX_LINE];
    /** Slots handed out by the reader; only the reader writes it. */
    private long filled;
    /** Slots sent by the writer: the reader may reuse a slot once it is sent. */
    private volatile long sent;
    /** The slot of each submitted command, in order: written by the reader before it submits. */
    private final long[] commandSlots = new long[IN_FLIGHT];
    private long commandsSubmitted;
    /** Commands answered so far; only the I/O thread touches it. */
    private long commandsAnswered;
    private volatile Thread writer;
    private volatile boolean writerParked;

    LineConnection(final Socket client, final LiveEngine live, final LineServer.LineDecoder decoder)
    {
        this.client = client;
        this.live = live;
        this.decoder = decoder;
        for (int i = 0; i < IN_FLIGHT; i++)
        {
            answers[i] = new Answer();
        }
    }

    void start()
    {
        final String name = "line-client-" + client.getPort();
        final Thread reader = new Thread(this::read, name + "-in");
        final Thread out = new Thread(this::write, name + "-out");
        writer = out;
        reader.setDaemon(true);
        out.setDaemon(true);
        reader.start();
        out.start();
    }

    private void read()
    {
        // Not try-with-resources: closing a socket's stream closes the socket, cutting off answers
        // still being written. The writer closes the socket after the last answer.
        try
        {
            final InputStream stream = client.getInputStream();
            int start = 0;
            int end = 0;
            while (true)
            {
                if (end == in.length)
                {
                    if (start == 0)
                    {
                        // A line longer than the buffer: answer it as malformed and drop it up to its newline.
                        end = skipLongLine(stream);
                        if (end < 0)
                        {
                            return;
                        }
                        continue;
                    }
                    System.arraycopy(in, start, in, 0, end - start);
                    end -= start;
                    start = 0;
                }
                final int n = stream.read(in, end, in.length - end);
                if (n < 0)
                {
                    if (end > start)
                    {
                        handle(start, end);
                    }
                    return;
                }
                end += n;
                for (int i = end - n; i < end; i++)
                {
                    if (in[i] == '\n')
                    {
                        handle(start, i);
                        start = i + 1;
                    }
                }
                if (start == end)
                {
                    start = 0;
                    end = 0;
                }
            }
        }
        catch (final IOException e)
        {
            // The client went away; what it submitted still runs and is journaled.
        }
        finally
        {
            final Answer last = claim();
            last.end = true;
            last.ready = true;
            wakeWriter();
        }
    }

    /** Answers an over-long line and reads past its end; returns the bytes of the next line kept in {@link #in}, or -1 at EOF. */
    private int skipLongLine(final InputStream stream) throws IOException
    {
        error("line longer than " + MAX_LINE + " bytes");
        while (true)
        {
            final int n = stream.read(in, 0, in.length);
            if (n < 0)
            {
                return -1;
            }
            for (int i = 0; i < n; i++)
            {
                if (in[i] == '\n')
                {
                    System.arraycopy(in, i + 1, in, 0, n - i - 1);
                    return n - i - 1;
                }
            }
        }
    }

    private void handle(final int from, final int to)
    {
        int end = to;
        while (end > from && (in[end - 1] == '\r' || in[end - 1] == ' ' || in[end - 1] == '\t'))
        {
            end--;
        }
        int start = from;
        while (start < end && (in[start] == ' ' || in[start] == '\t'))
        {
            start++;
        }
        if (isSnapshot(start, end))
        {
            final Path file = live.snapshot();
            final Answer answer = claim();
            answer.text.append(SNAPSHOT).append(ascii(file == null ? "none" : file.toString())).append((byte)'\n');
            publish(answer);
            return;
        }
        final String error = decoder.decode(in, start, end, command);
        final String refused = error == null ? live.refusal() : null;
        if (refused != null)
        {
            error(refused); // the journal cannot be written: nothing submitted, the client sends it again later
        }
        else if (error == null)
        {
            claim();
            // A command's slot is sent only after its result, so this entry is free again (a
            // lap later) only after the listener has read it.
            commandSlots[(int)(commandsSubmitted++ % IN_FLIGHT)] = filled - 1;
            live.submit(command, this);
        }
        else if (!error.isEmpty())
        {
            error(error);
        }
    }

    private boolean isSnapshot(final int start, final int end)
    {
        if (end - start != SNAPSHOT_LINE.length)
        {
            return false;
        }
        for (int i = 0; i < SNAPSHOT_LINE.length; i++)
        {
            if (in[start + i] != SNAPSHOT_LINE[i])
            {
                return false;
            }
        }
        return true;
    }

    private void error(final String why)
    {
        final Answer answer = claim();
        answer.text.append(ERROR).append(ascii(why.replace('\n', ' '))).append((byte)'\n');
        publish(answer);
    }

    private static byte[] ascii(final String text)
    {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** The next free slot, cleared; waits while the client has {@link #IN_FLIGHT} answers outstanding. */
    private Answer claim()
    {
        while (filled - sent >= IN_FLIGHT)
        {
            LockSupport.parkNanos(50_000);
        }
        final Answer answer = answers[(int)(filled++ % IN_FLIGHT)];
        answer.text.clear();
        answer.end = false;
        return answer;
    }

    private void publish(final Answer answer)
    {
        answer.ready = true;
        wakeWriter();
    }

    /** The command's events and {@code OK,<seq>}; on the engine's I/O thread, after the journal has it. */
    @Override
    public void onResult(final EventBatch result)
    {
        final long slot = commandSlots[(int)(commandsAnswered++ % IN_FLIGHT)];
        final Answer answer = answers[(int)(slot % IN_FLIGHT)];
        CanonicalFormat.appendLines(result, answer.text);
        answer.text.append(OK).append(result.seq()).append((byte)'\n');
        publish(answer);
    }

    private void wakeWriter()
    {
        if (writerParked)
        {
            LockSupport.unpark(writer);
        }
    }

    private void write()
    {
        try (OutputStream out = new BufferedOutputStream(client.getOutputStream(), 1 << 16))
        {
            int idle = 0;
            while (true)
            {
                final Answer answer = answers[(int)(sent % IN_FLIGHT)];
                if (!answer.ready)
                {
                    if (idle == 0)
                    {
                        out.flush();
                    }
                    idle = awaitReady(answer, idle);
                    continue;
                }
                idle = 0;
                if (answer.end)
                {
                    break;
                }
                answer.text.writeTo(out);
                answer.ready = false;
                sent = sent + 1;
            }
            out.flush();
        }
        catch (final IOException e)
        {
            // The client went away.
        }
        finally
        {
            try
            {
                client.close();
            }
            catch (final IOException e)
            {
                // Already closed.
            }
        }
    }

    /**
     * Waits a step for the next answer: yields first, parks only after a while without answers.
     * Under load the next answer is microseconds away, and waking a parked writer for each one
     * would cost the engine's I/O thread a system call per command.
     */
    private int awaitReady(final Answer answer, final int idle)
    {
        if (idle < WRITER_YIELDS)
        {
            Thread.yield();
            return idle + 1;
        }
        writerParked = true;
        if (!answer.ready)
        {
            LockSupport.parkNanos(10_000_000L);
        }
        writerParked = false;
        return idle;
    }
}
