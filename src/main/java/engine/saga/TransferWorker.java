package engine.saga;

import com.lmax.disruptor.EventHandler;
import engine.api.AsciiName;
import engine.api.Command;
import engine.api.EventType;
import engine.core.EventBatch;
import engine.logic.BusinessLogic;
import engine.logic.StateVisitor;
import engine.server.LiveEngine;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Drives withdrawal sagas outside the business logic: for every attempt the engine journals
 * (WITHDRAW_PENDING, WITHDRAW_ATTEMPT) it calls the {@link ExternalWallet}, and relays the answer
 * back as a WITHDRAW_CONFIRM or WITHDRAW_FAIL command; when a withdrawal's last attempt passed its
 * deadline (WITHDRAW_CANCELLING) it cancels the key at the wallet and relays whether it had been
 * paid the same way: paid, a confirm (the amount leaves); not paid, a fail (the engine gives it
 * back, timed out). Deadlines, retries and compensation are the engine's (journaled, replayable);
 * the worker only carries messages, so it keeps no state a crash could lose: at start it re-drives
 * every withdrawal the recovered state has in flight (a transfer, or a cancel for one cancelling),
 * and the wallet's idempotency key (the saga id) makes that repeat call pay nothing twice.
 *
 * <p>Events reach it on the engine's I/O thread once their command is journaled ({@link #onEvent},
 * which only queues); wallet calls and submissions happen on its own thread, {@code saga-worker}.
 */
public final class TransferWorker implements EventHandler<EventBatch>, AutoCloseable
{
    /** The thread's name. */
    public static final String THREAD = "saga-worker";
    private static final Runnable STOP = () ->
    {
    };
    static final long FIRST_CANCEL_RETRY_MS = 100;
    static final long MAX_CANCEL_RETRY_MS = 30_000;

    private final ExternalWallet wallet;
    private final PrintStream log;
    private final BlockingQueue<Runnable> work = new LinkedBlockingQueue<>();
    private final List<TransferRequest> recovered = new ArrayList<>();
    private final List<TransferRequest> recoveredCancelling = new ArrayList<>();
    private final AtomicLong answers = new AtomicLong();
    /** Only delays re-queued cancels; the wallet is still called from the worker thread alone. */
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(task ->
    {
        final Thread retry = new Thread(task, "saga-worker-retry");
        retry.setDaemon(true);
        return retry;
    });
    private Consumer<Command> submitter;
    private Thread thread;

    public TransferWorker(final ExternalWallet wallet, final PrintStream log)
    {
        this.wallet = wallet;
        this.log = log;
    }

    /**
     * Wires a worker into a live engine about to start: it learns the recovered withdrawals in
     * flight and hears every journaled command's events. Call {@link #start(LiveEngine)} once started.
     */
    public static TransferWorker attach(final LiveEngine.Builder builder, final ExternalWallet wallet, final PrintStream log)
    {
        final TransferWorker worker = new TransferWorker(wallet, log);
        builder.onRecovered(worker::recovered).journaledHandler(worker);
        return worker;
    }

    /** Starts submitting to {@code live}, which the worker was {@link #attach attached} to. */
    public void start(final LiveEngine live)
    {
        start(command -> live.submit(command, null));
    }

    /**
     * Notes the withdrawals in flight in a recovered state; call before the engine takes commands
     * (the state is read on the caller's thread).
     */
    public void recovered(final BusinessLogic logic)
    {
        logic.visit(new StateVisitor()
        {
            @Override
            public void withdrawal(final long sagaId, final long account, final long assetHi, final long assetLo,
                final long amount, final long timeout, final int attempt, final int maxAttempts, final long deadline,
                final boolean cancelling)
            {
                final TransferRequest request = new TransferRequest(sagaId, account, AsciiName.toString(assetHi, assetLo),
                    amount, attempt, deadline);
                (cancelling ? recoveredCancelling : recovered).add(request);
            }
        });
    }

    /** Starts the worker thread, re-driving what {@link #recovered} found; answers go to {@code submitter}. */
    public synchronized void start(final Consumer<Command> submit)
    {
        submitter = submit;
        if (!recovered.isEmpty() || !recoveredCancelling.isEmpty())
        {
            log.println("saga-worker: re-driving " + (recovered.size() + recoveredCancelling.size()) +
                " withdrawal(s) in flight after recovery (" + recoveredCancelling.size() + " cancelling)");
        }
        for (final TransferRequest request : recovered)
        {
            work.add(() -> call(request));
        }
        for (final TransferRequest request : recoveredCancelling)
        {
            work.add(() -> cancel(request.idempotencyKey(), request.attempt(), 0));
        }
        recovered.clear();
        recoveredCancelling.clear();
        thread = new Thread(this::run, THREAD);
        thread.setDaemon(true);
        thread.start();
    }

    /** Withdrawals with an attempt under way at recovery, not yet handed to the worker thread. */
    public synchronized List<TransferRequest> recoveredInFlight()
    {
        return List.copyOf(recovered);
    }

    /** How many wallet answers were submitted as commands. */
    public long answersSubmitted()
    {
        return answers.get();
    }

    @Override
    public void onEvent(final EventBatch batch, final long sequence, final boolean endOfBatch)
    {
        for (int i = 0; i < batch.count(); i++)
        {
            final EventType type = batch.type(i);
            if (type == EventType.WITHDRAW_PENDING || type == EventType.WITHDRAW_ATTEMPT)
            {
                final TransferRequest request = new TransferRequest(batch.sagaId(i), batch.account(i),
                    AsciiName.toString(batch.nameHi(i), batch.nameLo(i)), batch.qty(i), (int)batch.attempt(i),
                    batch.deadline(i));
                work.add(() -> call(request));
            }
            else if (type == EventType.WITHDRAW_CANCELLING)
            {
                final long sagaId = batch.sagaId(i);
                final int attempt = (int)batch.attempt(i);
                work.add(() -> cancel(sagaId, attempt, 0));
            }
        }
    }

    private void run()
    {
        while (true)
        {
            final Runnable next;
            try
            {
                next = work.take();
            }
            catch (final InterruptedException e)
            {
                return;
            }
            if (next == STOP)
            {
                return;
            }
            try
            {
                next.run();
            }
            catch (final RuntimeException e)
            {
                log.println("saga-worker: " + e);
            }
        }
    }

    private void call(final TransferRequest request)
    {
        // No answer (a hang, an exception) is left to the engine's deadline: it retries or gives up.
        wallet.transfer(request).whenComplete((outcome, error) ->
        {
            if (outcome != null)
            {
                work.add(() -> answer(request, outcome));
            }
        });
    }

    private void answer(final TransferRequest request, final TransferOutcome outcome)
    {
        final Command command = outcome == TransferOutcome.PAID ?
            new Command().withdrawConfirm(0, request.idempotencyKey(), request.attempt()) :
            new Command().withdrawFail(0, request.idempotencyKey(), request.attempt());
        submitter.accept(command);
        answers.incrementAndGet();
    }

    /**
     * The last attempt passed its deadline: makes sure the wallet never pays the key from now on, and tells the
     * engine whether it had paid (a confirm: the amount leaves) or not (a fail of the last attempt: the engine gives
     * the amount back, timed out). Until this answer is journaled the amount stays in flight. A cancel that throws
     * (a wallet out of reach) is asked again, with a delay that doubles up to {@link #MAX_CANCEL_RETRY_MS}, for as
     * long as it takes: the amount must not come back before the wallet has said it will never pay it.
     */
    private void cancel(final long sagaId, final int lastAttempt, final int failures)
    {
        final boolean paid;
        try
        {
            paid = wallet.cancel(sagaId);
        }
        catch (final RuntimeException e)
        {
            final long delay = Math.min(MAX_CANCEL_RETRY_MS, FIRST_CANCEL_RETRY_MS << Math.min(failures, 20));
            log.println("saga-worker: cancel of withdrawal " + sagaId + " failed (" + e + "); asking again in " + delay + " ms");
            retries.schedule(() -> work.add(() -> cancel(sagaId, lastAttempt, failures + 1)), delay, TimeUnit.MILLISECONDS);
            return;
        }
        submitter.accept(paid ? new Command().withdrawConfirm(0, sagaId, lastAttempt) :
            new Command().withdrawFail(0, sagaId, lastAttempt));
        answers.incrementAndGet();
    }

    @Override
    public synchronized void close()
    {
        retries.shutdownNow();
        if (thread != null)
        {
            work.add(STOP);
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
}
