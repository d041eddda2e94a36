package engine.cluster;

import engine.api.Command;
import engine.api.Event;
import engine.format.CanonicalFormat;
import engine.format.CommandFileParser;
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
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The TCP line protocol of {@code serve} (command-file lines in; canonical event lines then
 * {@code OK,<seq>} out, in order) in front of the cluster instead of a local engine: each
 * command goes to the cluster through one {@link EngineClusterClient} and is answered once the
 * cluster has committed and applied it. A gateway is stateless, so several can run, each with its
 * own client id. Simple rather than allocation-free: the cluster round trip dominates.
 */
public final class ClusterLineGateway implements AutoCloseable
{
    private static final int IN_FLIGHT = 1024;

    private final EngineClusterClient client;
    private final ServerSocket socket;
    private final PrintStream log;
    private volatile boolean closed;

    public ClusterLineGateway(final EngineClusterClient client, final String host, final int port, final PrintStream log)
        throws IOException
    {
        this.client = client;
        this.log = log;
        this.socket = new ServerSocket();
        socket.bind(new InetSocketAddress(InetAddress.getByName(host), port));
        final Thread acceptor = new Thread(this::accept, "cluster-gateway-accept");
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
                final Socket connection = socket.accept();
                connection.setTcpNoDelay(true);
                final BlockingQueue<Object> answers = new ArrayBlockingQueue<>(IN_FLIGHT);
                final Thread reader = new Thread(() -> read(connection, answers), "cluster-gateway-in");
                final Thread writer = new Thread(() -> write(connection, answers), "cluster-gateway-out");
                reader.setDaemon(true);
                writer.setDaemon(true);
                reader.start();
                writer.start();
            }
            catch (final IOException e)
            {
                if (!closed)
                {
                    log.println("cluster gateway: accept failed: " + e);
                }
            }
        }
    }

    /** Parses lines and submits commands in order; an error is queued as its answer text. */
    private void read(final Socket connection, final BlockingQueue<Object> answers)
    {
        final CommandFileParser parser = new CommandFileParser();
        final Command command = new Command();
        try
        {
            final BufferedReader in = new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.US_ASCII));
            String line;
            while ((line = in.readLine()) != null)
            {
                switch (parser.parse(line, command))
                {
                    case COMMAND -> answers.put(client.submit(command));
                    case MALFORMED -> answers.put("ERROR," + parser.error());
                    case SKIP ->
                    {
                    }
                }
            }
            answers.put(Boolean.TRUE);
        }
        catch (final IOException | InterruptedException e)
        {
            answers.offer(Boolean.TRUE);
        }
    }

    private void write(final Socket connection, final BlockingQueue<Object> answers)
    {
        try (Socket owned = connection;
            Writer out = new BufferedWriter(new OutputStreamWriter(owned.getOutputStream(), StandardCharsets.US_ASCII)))
        {
            while (true)
            {
                final Object answer = answers.poll();
                if (answer == null)
                {
                    out.flush();
                    if (!answer(out, answers.take()))
                    {
                        return;
                    }
                }
                else if (!answer(out, answer))
                {
                    return;
                }
            }
        }
        catch (final IOException | InterruptedException e)
        {
            log.println("cluster gateway: connection closed: " + e);
        }
    }

    /** Writes one answer; false at the end of the connection's input. */
    private static boolean answer(final Writer out, final Object answer) throws IOException, InterruptedException
    {
        if (answer instanceof String error)
        {
            out.write(error);
            out.write('\n');
            return true;
        }
        if (answer instanceof CompletableFuture<?> future)
        {
            try
            {
                final EngineClusterClient.Reply reply = (EngineClusterClient.Reply)future.get();
                for (final Event event : reply.events())
                {
                    out.write(CanonicalFormat.line(event));
                    out.write('\n');
                }
                // A duplicate with its outcome reads like the first answer; without it, only "applied once" is known.
                out.write(reply.outcomeKnown() ? "OK," + reply.seq() + "\n" : "OK,duplicate\n");
            }
            catch (final ExecutionException e)
            {
                out.write("ERROR," + e.getCause().getMessage() + "\n");
            }
            return true;
        }
        out.flush();
        return false;
    }

    @Override
    public void close() throws IOException
    {
        closed = true;
        socket.close();
    }
}
