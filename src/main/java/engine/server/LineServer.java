package engine.server;

import engine.api.Command;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * The simplest real client interface: a line protocol over TCP. A client sends command-file
 * lines (COMMAND-FILE.md; the time field is replaced by the sequencer's clock) and gets, for
 * each command and in the order sent, its canonical event lines followed by {@code OK,<seq>},
 * written only after the command is journaled. A malformed line gets {@code ERROR,<reason>};
 * {@code SNAPSHOT} takes a snapshot and answers {@code SNAPSHOT,<file or none>}.
 *
 * <p>One reader and one writer thread per connection ({@link LineConnection}); a client may
 * pipeline up to {@link LineConnection#IN_FLIGHT} requests before its reader waits. Nothing is
 * allocated per request.
 */
public final class LineServer implements AutoCloseable
{
    /** Parses one command-file line into a command; returns null when it is a command, else why not. */
    @FunctionalInterface
    public interface LineDecoder
    {
        /**
         * Parses {@code bytes[from, to)}, a line without its newline, into {@code into}.
         *
         * @return null for a command, "" for a line to ignore (blank, comment), else the error
         */
        String decode(byte[] bytes, int from, int to, Command into);
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
                new LineConnection(client, live, decoders.get()).start();
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
}
