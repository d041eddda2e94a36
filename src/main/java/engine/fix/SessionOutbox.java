package engine.fix;

import java.io.PrintStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import quickfix.Session;
import quickfix.SessionID;

/**
 * The reports owed to one FIX session, between the engine's result thread and the session.
 * The result thread only {@link #offer}s to a bounded queue, never waits; this outbox's own
 * thread encodes each report and hands it to QuickFIX/J, which stores it (file store) and then
 * writes it to the socket, or, while the client is logged out, only stores it, for the client
 * to get by resend at its next logon.
 *
 * <p>A slow client: QuickFIX/J's {@code MaxScheduledWriteRequests} disconnects a client whose
 * socket stops draining; its reports keep being stored and are resent when it logs back on, so
 * nothing is lost. Only when this queue itself fills (the sender cannot even store reports as
 * fast as the engine makes them) are reports dropped: each drop is counted and logged, the
 * session is logged out, and the client must ask OrderStatusRequest(H) for its orders after
 * logging on again.
 */
final class SessionOutbox implements AutoCloseable
{
    private final SessionID sessionId;
    private final BlockingQueue<Report> queue;
    private final ReportEncoder encoder;
    private final PrintStream log;
    private final AtomicLong dropped = new AtomicLong();
    private final Thread thread;
    private volatile boolean overflowed;
    private volatile boolean running = true;

    SessionOutbox(final SessionID sessionId, final int capacity, final ReportEncoder encoder, final PrintStream log)
    {
        this.sessionId = sessionId;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.encoder = encoder;
        this.log = log;
        thread = new Thread(this::run, "fix-out-" + sessionId.getTargetCompID());
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues {@code report}; never blocks. A full queue drops it (see the class comment). */
    void offer(final Report report)
    {
        if (!queue.offer(report))
        {
            dropped.incrementAndGet();
            overflowed = true;
        }
    }

    /** Reports dropped because the queue was full, since start. */
    long dropped()
    {
        return dropped.get();
    }

    private void run()
    {
        while (running || !queue.isEmpty())
        {
            try
            {
                final Report report = queue.poll(50, TimeUnit.MILLISECONDS);
                if (report != null)
                {
                    send(report);
                }
                if (overflowed)
                {
                    overflowed = false;
                    onOverflow();
                }
            }
            catch (final InterruptedException e)
            {
                return;
            }
            catch (final RuntimeException e)
            {
                // A bug in encoding one report must not silence the session for good.
                log.println("fix: " + sessionId + ": cannot send a report: " + e);
            }
        }
    }

    private void send(final Report report)
    {
        final Session session = Session.lookupSession(sessionId);
        if (session != null)
        {
            session.send(encoder.encode(report, sessionId));
        }
    }

    private void onOverflow()
    {
        log.println("fix: " + sessionId + ": outbox full, " + dropped.get() +
            " reports dropped so far; logging the session out (client: OrderStatusRequest after logon)");
        final Session session = Session.lookupSession(sessionId);
        if (session != null && session.isLoggedOn())
        {
            session.logout("slow consumer: reports dropped, request order status after logon");
        }
    }

    /** Sends what is queued, then stops the thread. */
    @Override
    public void close()
    {
        running = false;
        try
        {
            thread.join(5_000);
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
        }
    }
}
