package engine.fix;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import quickfix.Application;
import quickfix.ConfigError;
import quickfix.DefaultMessageFactory;
import quickfix.FieldNotFound;
import quickfix.FileStoreFactory;
import quickfix.Message;
import quickfix.ScreenLogFactory;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SessionSettings;
import quickfix.SocketInitiator;
import quickfix.field.MsgType;
import quickfix.field.Text;

/**
 * A real FIX 4.4 client for tests: a QuickFIX/J initiator with its own file store (so its
 * sequence numbers, like a real client's, survive a reconnect), logging on with a Username and
 * Password, and recording every message it receives.
 */
final class FixClient implements AutoCloseable
{
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    final SessionID sessionId;
    private final SocketInitiator initiator;
    private final List<Message> received = new CopyOnWriteArrayList<>();
    private final List<String> logouts = new CopyOnWriteArrayList<>();
    private volatile boolean loggedOn;

    FixClient(final String compId, final String username, final String password, final int port, final Path storeDir)
    {
        sessionId = ClientSessions.sessionId(compId);
        final SessionSettings settings = ClientSessions.initiator(compId, "127.0.0.1", port, storeDir);
        final Application application = new quickfix.ApplicationAdapter()
        {
            @Override
            public void onLogon(final SessionID id)
            {
                loggedOn = true;
            }

            @Override
            public void onLogout(final SessionID id)
            {
                loggedOn = false;
            }

            @Override
            public void toAdmin(final Message message, final SessionID id)
            {
                ClientSessions.credentials(message, username, password);
            }

            @Override
            public void fromAdmin(final Message message, final SessionID id)
            {
                if (type(message).equals(MsgType.LOGOUT))
                {
                    logouts.add(message.isSetField(Text.FIELD) ? text(message) : "");
                }
                if (type(message).equals(MsgType.REJECT))
                {
                    received.add(message);
                }
            }

            @Override
            public void fromApp(final Message message, final SessionID id)
            {
                received.add(message);
            }
        };
        try
        {
            initiator = new SocketInitiator(application, new FileStoreFactory(settings), settings,
                new ScreenLogFactory(false, false, false), new DefaultMessageFactory());
            initiator.start();
        }
        catch (final ConfigError e)
        {
            throw new IllegalStateException(e);
        }
    }

    static String type(final Message message)
    {
        return ClientSessions.msgType(message);
    }

    private static String text(final Message message)
    {
        try
        {
            return message.getString(Text.FIELD);
        }
        catch (final FieldNotFound e)
        {
            return "";
        }
    }

    FixClient awaitLogon()
    {
        await(() -> loggedOn, "logon of " + sessionId);
        return this;
    }

    boolean loggedOn()
    {
        return loggedOn;
    }

    List<String> logouts()
    {
        return logouts;
    }

    void send(final Message message)
    {
        if (!Session.lookupSession(sessionId).send(message))
        {
            throw new IllegalStateException("not sent: " + message);
        }
    }

    Session session()
    {
        return Session.lookupSession(sessionId);
    }

    /** Waits for the first received message (in arrival order) matching {@code filter}. */
    Message await(final Predicate<Message> filter, final String what)
    {
        final long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline)
        {
            for (final Message message : received)
            {
                if (filter.test(message))
                {
                    return message;
                }
            }
            pause();
        }
        throw new AssertionError("timed out waiting for " + what + "; received " + received);
    }

    /** Waits until {@code count} received messages match {@code filter}, and returns them in order. */
    List<Message> awaitAll(final Predicate<Message> filter, final int count, final String what)
    {
        final long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline)
        {
            final List<Message> matching = new ArrayList<>();
            for (final Message message : received)
            {
                if (filter.test(message))
                {
                    matching.add(message);
                }
            }
            if (matching.size() >= count)
            {
                return matching;
            }
            pause();
        }
        throw new AssertionError("timed out waiting for " + count + " " + what + "; received " + received);
    }

    List<Message> received()
    {
        return List.copyOf(received);
    }

    static void await(final java.util.function.BooleanSupplier condition, final String what)
    {
        final long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() > deadline)
            {
                throw new AssertionError("timed out waiting for " + what);
            }
            pause();
        }
    }

    private static void pause()
    {
        try
        {
            Thread.sleep(5);
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Logs out and stops; the store keeps the sequence numbers for the next client on it. */
    @Override
    public void close()
    {
        initiator.stop(true);
    }
}
