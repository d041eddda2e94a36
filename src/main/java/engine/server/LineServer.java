package engine.server;

import engine.api.Command;
import engine.core.AsciiBuffer;
import engine.core.CanonicalFormat;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;

/**
 * The simplest real client interface: a line protocol over TCP. A client sends command-file
 * lines (COMMAND-FILE.md; the time field is replaced by the sequencer's clock) and gets, for
 * each command and in the order sent, its canonical event lines followed by {@code OK,<seq>},
 * written only after the command is journaled. A malformed line gets {@code ERROR,<reason>}, and
 * so does every command while the journal cannot be written ({@code ERROR,journal unavailable:
 * disk full: ...}: nothing was submitted, send it again later);
 * {@code SNAPSHOT} takes a snapshot and answers {@code SNAPSHOT,<file or none>}.
 *
 * <p>One reader and one writer thread per connection; a client may pipeline up to
 * {@link #IN_FLIGHT} requests before its reader waits. Allocates per request: a first version,
 * not the hot path of the engine.
 */
public final class LineServer implements AutoCloseable
{
    static final int IN_FLIGHT = 4096;

    /** Parses one command-file line into a command; returns null when it is a command, else why not. */
    @FunctionalInterface
    public interface LineDecoder
    {
        /** @return null for a command, "" for a line to ignore (blank, comment), else the error */
        String decode(String line, Command into);
    }

    private final LiveEngine live;
    private final ServerSocket socket;
    private final java.util.function.Supplier<LineDecoder> decoders;
    private final PrintStream log;
    private final Thread acceptor;
    private volatile boolean closed;

    /**
     * @param decoders makes one decoder per connection (decoders keep the previous line's time)
     */
    public LineServer(final LiveEngine live, final String host, final int port,
        final java.util.function.Supplier<LineDecoder> decoders, final PrintStream log) throws IOException
    {
        this.live = live;
        this.decoders = decoders;
        this.log = log;
        this.socket = new ServerSocket();
        socket.bind(new InetSocketAddress(InetAddress.getByName(host), port));
        acceptor = new Thread(this::accept, "line-server-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port()
    {
        return socket.getLocalPort();
    }

    private void accept()
    {
        while (!closed)
        {
            try
            {
                final Socket client = socket.accept();
                client.setTcpNoDelay(true);
                new Connection(client).start();
            }
            catch (final IOException e)
            {
                if (!closed)
                {
                    log.println("serve: accept failed: " + e);
                }
            }
        }
    }

    @Override
    public void close() throws IOException
    {
        closed = true;
        socket.close();
    }

    /** One client: requests in order on the reader thread, answers in the same order on the writer thread. */
    private final class Connection
    {
        private final Socket client;
        private final BlockingQueue<CompletableFuture<String>> answers = new ArrayBlockingQueue<>(IN_FLIGHT);
        private final AsciiBuffer lines = new AsciiBuffer(1 << 12);
        private final Command command = new Command();
        private final LineDecoder decoder = decoders.get();

        Connection(final Socket client)
        {
            this.client = client;
        }

        void start()
        {
            final String name = "line-client-" + client.getPort();
            final Thread reader = new Thread(this::read, name + "-in");
            final Thread writer = new Thread(this::write, name + "-out");
            reader.setDaemon(true);
            writer.setDaemon(true);
            reader.start();
            writer.start();
        }

        private void read()
        {
            // Not try-with-resources: closing a socket's stream closes the socket, cutting off answers
            // still being written. The writer closes the socket after the last answer.
            try
            {
                final BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(),
                    StandardCharsets.UTF_8));
                String line;
                while ((line = in.readLine()) != null)
                {
                    handle(line.trim());
                }
            }
            catch (final IOException | InterruptedException e)
            {
                // The client went away; what it submitted still runs and is journaled.
            }
            finally
            {
                answers.offer(CompletableFuture.completedFuture(null));
            }
        }

        private void handle(final String line) throws InterruptedException
        {
            if ("SNAPSHOT".equals(line))
            {
                final Path file = live.snapshot();
                answers.put(CompletableFuture.completedFuture("SNAPSHOT," + (file == null ? "none" : file) + "\n"));
                return;
            }
            final String error = decoder.decode(line, command);
            final String refused = error == null ? live.refusal() : null;
            if (refused != null)
            {
                answers.put(CompletableFuture.completedFuture("ERROR," + refused.replace('\n', ' ') + "\n"));
            }
            else if (error == null)
            {
                final CompletableFuture<String> answer = new CompletableFuture<>();
                answers.put(answer);
                // Runs on the engine's result thread, after the journal has the command: format, hand over, return.
                live.submit(command, result ->
                {
                    lines.clear();
                    CanonicalFormat.appendLines(result, lines);
                    answer.complete(lines + "OK," + result.seq() + "\n");
                });
            }
            else if (!error.isEmpty())
            {
                answers.put(CompletableFuture.completedFuture("ERROR," + error.replace('\n', ' ') + "\n"));
            }
        }

        private void write()
        {
            try (Writer out = new BufferedWriter(new OutputStreamWriter(client.getOutputStream(), StandardCharsets.US_ASCII)))
            {
                while (true)
                {
                    CompletableFuture<String> next = answers.poll();
                    if (next == null)
                    {
                        out.flush();
                        next = answers.take();
                    }
                    final String text = next.join();
                    if (text == null)
                    {
                        break;
                    }
                    out.write(text);
                }
                out.flush();
            }
            catch (final IOException | InterruptedException e)
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
    }
}
