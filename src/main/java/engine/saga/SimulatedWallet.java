package engine.saga;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * An {@link ExternalWallet} for tests, demos and {@code serve --wallet}: it can be told, per
 * withdrawal and attempt or for all of them, to pay, refuse, hang (never answer), pay after a
 * delay or pay with its answer lost on the way back, or to refuse one new withdrawal in every N.
 * It keeps the wallet contract: a key is paid at most once ({@link #payments()} counts real
 * payments), a paid key answers {@code PAID} again without paying, nothing is paid after
 * {@link #cancel} or after the attempt's deadline, and {@link #cancel} answers truly whether the
 * key was paid.
 *
 * <p>Without a {@link WalletLedger} it remembers its keys in memory only, so a wallet that restarts
 * with the engine would forget them; with one ({@code serve --wallet-ledger FILE}) every key's
 * outcome is on disk before the answer, and survives restarts as a real payment API's would.
 */
public final class SimulatedWallet implements ExternalWallet
{
    /** What the wallet does with one attempt. */
    public record Behaviour(Kind kind, long delayMillis)
    {
        /** The kinds of behaviour. */
        public enum Kind
        {
            SUCCEED,
            FAIL,
            HANG,
            DELAY,
            LOST_ANSWER
        }

        public static Behaviour succeed()
        {
            return new Behaviour(Kind.SUCCEED, 0);
        }

        public static Behaviour fail()
        {
            return new Behaviour(Kind.FAIL, 0);
        }

        public static Behaviour hang()
        {
            return new Behaviour(Kind.HANG, 0);
        }

        /** Pays after {@code millis}, unless the attempt's deadline or a cancel comes first. */
        public static Behaviour succeedAfter(final long millis)
        {
            return new Behaviour(Kind.DELAY, millis);
        }

        /**
         * Pays at once, but the answer never reaches the caller (a bank whose reply is lost, or arrives after the
         * deadline): the engine learns of the payment only from a repeat call or from {@link #cancel}.
         */
        public static Behaviour lostAnswer()
        {
            return new Behaviour(Kind.LOST_ANSWER, 0);
        }

        /** {@code succeed}, {@code fail}, {@code hang}, {@code lost-answer} or {@code delay:MS}. */
        public static Behaviour parse(final String text)
        {
            if (text.startsWith("delay:"))
            {
                return succeedAfter(Long.parseLong(text.substring(6)));
            }
            return switch (text)
            {
                case "succeed" -> succeed();
                case "fail" -> fail();
                case "hang" -> hang();
                case "lost-answer" -> lostAnswer();
                default -> throw new IllegalArgumentException(
                    "wallet behaviour must be succeed, fail, hang, lost-answer, delay:MS or fail-every:N, not '" + text + "'");
            };
        }
    }

    private enum KeyState
    {
        PAID,
        REFUSED,
        CANCELLED
    }

    private final Map<Long, KeyState> keys = new ConcurrentHashMap<>();
    private final Map<Long, List<Behaviour>> scripts = new ConcurrentHashMap<>();
    private final AtomicLong payments = new AtomicLong();
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong newKeys = new AtomicLong();
    private final ScheduledExecutorService delays = Executors.newSingleThreadScheduledExecutor(runnable ->
    {
        final Thread thread = new Thread(runnable, "simulated-wallet");
        thread.setDaemon(true);
        return thread;
    });
    private final LongSupplier clock;
    private volatile WalletLedger ledger;
    private volatile Behaviour standard = Behaviour.succeed();
    private volatile int failEvery;

    public SimulatedWallet()
    {
        this(System::currentTimeMillis);
    }

    /** @param clock milliseconds since the epoch, the unit of {@link TransferRequest#notAfter()} */
    public SimulatedWallet(final LongSupplier clock)
    {
        this.clock = clock;
    }

    /**
     * A configuration as {@code serve --wallet} takes it: a behaviour for all, {@code fail-every:N}, or both
     * separated by a comma ({@code delay:300,fail-every:4}: one new withdrawal in four refused, the rest paid
     * after 300 ms).
     */
    public static SimulatedWallet configured(final String text)
    {
        final SimulatedWallet wallet = new SimulatedWallet();
        for (final String part : text.split(","))
        {
            if (part.startsWith("fail-every:"))
            {
                wallet.failEvery(Integer.parseInt(part.substring(11)));
            }
            else
            {
                wallet.behaviour(Behaviour.parse(part));
            }
        }
        return wallet;
    }

    /** Keeps every key's outcome in {@code record} from now on, starting from what it holds already. */
    public SimulatedWallet ledger(final WalletLedger record)
    {
        for (final WalletLedger.Entry entry : record.entries())
        {
            keys.put(entry.key(), KeyState.valueOf(entry.state()));
        }
        ledger = record;
        return this;
    }

    /** What every attempt without a script does. */
    public SimulatedWallet behaviour(final Behaviour behaviour)
    {
        standard = behaviour;
        return this;
    }

    /** Refuses every {@code n}-th new withdrawal (the first attempt of a key not seen before); 0 for none. */
    public SimulatedWallet failEvery(final int n)
    {
        failEvery = n;
        return this;
    }

    /** What the attempts of withdrawal {@code key} do, in order; the last one repeats. */
    public SimulatedWallet script(final long key, final Behaviour... perAttempt)
    {
        scripts.put(key, List.of(perAttempt));
        return this;
    }

    /** How many times money really left: at most one per key. */
    public long payments()
    {
        return payments.get();
    }

    /** How many transfer calls arrived, retries and repeats included. */
    public long calls()
    {
        return calls.get();
    }

    public boolean paid(final long key)
    {
        return keys.get(key) == KeyState.PAID;
    }

    @Override
    public CompletableFuture<TransferOutcome> transfer(final TransferRequest request)
    {
        calls.incrementAndGet();
        final CompletableFuture<TransferOutcome> answer = new CompletableFuture<>();
        final KeyState known = keys.get(request.idempotencyKey());
        if (known != null)
        {
            answer.complete(known == KeyState.PAID ? TransferOutcome.PAID : TransferOutcome.REFUSED);
            return answer;
        }
        final Behaviour behaviour = behaviourFor(request);
        switch (behaviour.kind())
        {
            case SUCCEED -> answer.complete(pay(request));
            case FAIL -> answer.complete(refuse(request.idempotencyKey()));
            case HANG ->
            {
            }
            case DELAY -> delays.schedule(() -> answer.complete(pay(request)), behaviour.delayMillis(), TimeUnit.MILLISECONDS);
            case LOST_ANSWER -> pay(request);
        }
        return answer;
    }

    private Behaviour behaviourFor(final TransferRequest request)
    {
        final List<Behaviour> script = scripts.get(request.idempotencyKey());
        if (script != null)
        {
            return script.get(Math.min(request.attempt(), script.size()) - 1);
        }
        final int every = failEvery;
        if (every > 0 && request.attempt() == 1)
        {
            return newKeys.incrementAndGet() % every == 0 ? Behaviour.fail() : standard;
        }
        return standard;
    }

    /** Pays unless the key is settled otherwise or the attempt's deadline has passed; the answer for the key. */
    private TransferOutcome pay(final TransferRequest request)
    {
        if (clock.getAsLong() > request.notAfter())
        {
            return keys.get(request.idempotencyKey()) == KeyState.PAID ? TransferOutcome.PAID : TransferOutcome.REFUSED;
        }
        final KeyState before = keys.putIfAbsent(request.idempotencyKey(), KeyState.PAID);
        if (before == null)
        {
            final WalletLedger record = ledger;
            if (record != null)
            {
                record.paid(request);
            }
            payments.incrementAndGet();
            return TransferOutcome.PAID;
        }
        return before == KeyState.PAID ? TransferOutcome.PAID : TransferOutcome.REFUSED;
    }

    private TransferOutcome refuse(final long key)
    {
        final KeyState before = settle(key, KeyState.REFUSED);
        return before == KeyState.PAID ? TransferOutcome.PAID : TransferOutcome.REFUSED;
    }

    @Override
    public boolean cancel(final long idempotencyKey)
    {
        return settle(idempotencyKey, KeyState.CANCELLED) == KeyState.PAID;
    }

    /** Settles a key not paid, on disk too with a ledger; answers what it was before (null: nothing yet). */
    private KeyState settle(final long key, final KeyState state)
    {
        final KeyState before = keys.putIfAbsent(key, state);
        final WalletLedger record = ledger;
        if (before == null && record != null)
        {
            record.settled(state.name(), key);
        }
        return before;
    }
}
