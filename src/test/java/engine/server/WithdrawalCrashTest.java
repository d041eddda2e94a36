package engine.server;

import static org.assertj.core.api.Assertions.assertThat;

import engine.api.AsciiName;
import engine.api.CommandType;
import engine.api.EventType;
import engine.api.SelfTradePrevention;
import engine.core.EventBatch;
import engine.journal.JournalDirectory;
import engine.journal.JournalReader;
import engine.journal.Recovery;
import engine.logic.BusinessLogic;
import engine.logic.StateVisitor;
import engine.saga.WalletLedger;
import engine.testing.ChildEngine;
import engine.testing.TestSettings;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Withdrawal sagas across SIGKILLs (SAGAS.md "Crashes and recovery"): a served engine with the
 * simulated wallet (paying after a delay, refusing one new withdrawal in four) and its durable
 * ledger takes withdrawal requests over the line protocol and is killed at random moments, round
 * after round, while wallet calls and answers are in flight. After the last restart every saga must
 * end, and then:
 * <ul>
 * <li>every acknowledged request is in the journal and started a saga;</li>
 * <li>every saga ended exactly once (confirmed, failed or timed out), none is in flight (pending or
 * cancelling);</li>
 * <li>the wallet's ledger pays each key at most once, and exactly the sagas the engine confirmed:
 * nothing paid twice, nothing both paid and given back, nothing confirmed that was never paid;</li>
 * <li>per asset, available + reserved + in flight + paid out (the ledger's payments) = deposited.</li>
 * </ul>
 * Requests come with a long timeout (the wallet pays or refuses well within it), a short one (the
 * wallet's delay passes every deadline: the saga is cancelling, the cancel finds the key not paid and
 * it times out), or one just above the wallet's delay, so that a kill shortly before the payment or
 * between the payment and its confirmation lets the deadline pass while the engine restarts: the
 * saga is cancelling after the restart, and the cancel (or the worker's repeat call) decides whether
 * it is confirmed or given back, never both. The seed is printed and fixed with {@code -Dtest.seed=N}.
 */
@Tag("slow")
class WithdrawalCrashTest
{
    private static final int KILLS = 5;
    private static final long ACCOUNTS = 4;
    private static final long DEPOSIT = 1_000_000;
    private static final PrintStream QUIET = new PrintStream(new ByteArrayOutputStream());

    @TempDir
    Path dir;

    /** What the client sent and what came back acknowledged. */
    private static final class Client
    {
        final Set<Long> ackedRequests = new TreeSet<>();
        final List<String> errors = new ArrayList<>();
        long acks;
    }

    /** The journal replayed with its events: what happened to every saga. */
    private static final class History
    {
        final Map<Long, Long> started = new TreeMap<>(); // saga id -> amount
        final Map<Long, List<EventType>> ends = new TreeMap<>();
        final Set<Long> cancelling = new TreeSet<>();
        final Map<Long, Long> requests = new TreeMap<>(); // seq of each journaled WITHDRAW_REQUEST -> account
        long deposited;
        long confirmedAmount;
        long lastSeq;
        BusinessLogic logic;
    }

    @Test
    void shouldEndEverySagaOncePayingNoKeyTwiceAcrossKills() throws Exception
    {
        final long seed = TestSettings.seed("WithdrawalCrashTest");
        final Random random = new Random(seed);
        final Path data = dir.resolve("data");
        final Path ledger = dir.resolve("wallet-ledger.txt");
        final Client client = new Client();
        final String where = "seed " + seed + " (rerun with -Dtest.seed=" + seed + ")";
        for (int round = 0; round <= KILLS; round++)
        {
            final long delay = 350 + random.nextInt(300);
            final Process child = startServer(data, ledger, round, delay);
            try
            {
                final int port = awaitReady(child, round);
                if (round == KILLS)
                {
                    awaitNoSagaInFlight(data, where);
                    break;
                }
                request(port, client, random, round == 0, 300 + random.nextInt(1_200), delay);
            }
            finally
            {
                child.destroyForcibly(); // SIGKILL: no shutdown hook, no final snapshot
                child.waitFor(TestSettings.timeoutMillis(30), TimeUnit.MILLISECONDS);
            }
        }
        check(data, ledger, client, where);
        long redriven = 0;
        for (int round = 1; round <= KILLS; round++)
        {
            redriven += Files.readAllLines(dir.resolve("server-" + round + ".err")).stream()
                .filter(l -> l.contains("re-driving")).count();
        }
        assertThat(redriven).as(where + ": restarts that found withdrawals in flight and called the wallet again")
            .isPositive();
    }

    private Process startServer(final Path data, final Path ledger, final int round, final long delay) throws IOException
    {
        final List<String> command = ChildEngine.command(
            List.of("-Xmx256m", "-Dorg.slf4j.simpleLogger.log.net.openhft=warn"),
            "serve", "--data", data.toString(), "--port", "0", "--snapshot-every", "300", "--timer-ms", "20",
            "--wallet", "delay:" + delay + ",fail-every:4", "--wallet-ledger", ledger.toString());
        return new ProcessBuilder(command).redirectError(dir.resolve("server-" + round + ".err").toFile()).start();
    }

    private int awaitReady(final Process child, final int round) throws IOException
    {
        final BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII));
        final String line = out.readLine();
        if (line == null || !line.startsWith("READY,"))
        {
            throw new AssertionError("server did not start in round " + round + ": " + line + "\n" +
                Files.readString(dir.resolve("server-" + round + ".err")));
        }
        return Integer.parseInt(line.split(",")[1].substring("port=".length()));
    }

    /**
     * Sends withdrawal requests for {@code millis} (after the deposits, in the first round), then lets
     * wallet calls and answers run on for a random part of the wallet's delay; the caller then kills.
     */
    private static void request(final int port, final Client client, final Random random, final boolean first,
        final int millis, final long delay) throws Exception
    {
        try (Socket socket = new Socket("127.0.0.1", port))
        {
            final ConcurrentLinkedQueue<Boolean> sent = new ConcurrentLinkedQueue<>(); // whether a withdrawal request
            final Thread reader = new Thread(() -> readAcks(socket, sent, client), "saga-crash-acks");
            reader.start();
            final OutputStream out = socket.getOutputStream();
            final long giveUp = System.nanoTime() + TestSettings.timeout(Duration.ofSeconds(30)).toNanos();
            if (first)
            {
                for (long account = 1; account <= ACCOUNTS; account++)
                {
                    send(out, sent, "DEPOSIT,," + account + ",USD," + DEPOSIT, false);
                }
                // Every request below must be funded: wait until the deposits are journaled.
                while (acks(client) < ACCOUNTS && System.nanoTime() < giveUp)
                {
                    Thread.sleep(5);
                }
                assertThat(acks(client)).as("deposits acknowledged").isEqualTo(ACCOUNTS);
            }
            final long acksBefore = acks(client);
            final long end = System.nanoTime() + millis * 1_000_000L;
            while (System.nanoTime() < end || (acks(client) == acksBefore && System.nanoTime() < giveUp))
            {
                final long account = 1 + random.nextInt((int)ACCOUNTS);
                final long amount = 1 + random.nextInt(500);
                // Long: the wallet answers well before the first deadline. Short: its delay passes both deadlines.
                // Crossing: one attempt due 100 ms after the wallet pays, so a kill around the payment lets the
                // deadline pass while the engine restarts.
                final int kind = random.nextInt(4);
                final String timing = kind == 0 ? "40,2" : kind == 1 ? (delay + 100) + ",1" : "4000,2";
                send(out, sent, "WITHDRAW_REQUEST,," + account + ",USD," + amount + "," + timing, true);
                out.flush();
                Thread.sleep(2 + random.nextInt(15));
            }
            out.flush();
            // The kill comes while wallet calls (the last long ones take the wallet's delay), answers and
            // acknowledgements are in flight.
            Thread.sleep(random.nextInt((int)delay));
            synchronized (client)
            {
                reader.interrupt(); // the record of acknowledgements as of the kill
            }
        }
    }

    private static long acks(final Client client)
    {
        synchronized (client)
        {
            return client.acks;
        }
    }

    private static void send(final OutputStream out, final ConcurrentLinkedQueue<Boolean> sent, final String line,
        final boolean withdrawal) throws IOException
    {
        sent.add(withdrawal);
        out.write((line + "\n").getBytes(StandardCharsets.US_ASCII));
    }

    private static void readAcks(final Socket socket, final ConcurrentLinkedQueue<Boolean> sent, final Client client)
    {
        try
        {
            final BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            String line;
            while ((line = in.readLine()) != null)
            {
                synchronized (client)
                {
                    if (Thread.currentThread().isInterrupted())
                    {
                        return;
                    }
                    if (line.startsWith("ERROR"))
                    {
                        client.errors.add(line);
                    }
                    if (!line.startsWith("OK,"))
                    {
                        continue;
                    }
                    final boolean withdrawal = sent.poll();
                    client.acks++;
                    if (withdrawal)
                    {
                        client.ackedRequests.add(Long.parseLong(line.substring(3)));
                    }
                }
            }
        }
        catch (final IOException e)
        {
            // Killed server: the connection drops.
        }
    }

    /** Polls the live server's journal until no withdrawal is in flight (every deadline is bounded). */
    private static void awaitNoSagaInFlight(final Path data, final String where) throws InterruptedException
    {
        final long giveUp = System.nanoTime() + TestSettings.timeout(Duration.ofSeconds(40)).toNanos();
        int inFlight = -1;
        while (System.nanoTime() < giveUp)
        {
            try
            {
                inFlight = inFlight(replay(data).logic).size();
            }
            catch (final RuntimeException e)
            {
                inFlight = -1; // read while an entry was being written: read again
            }
            if (inFlight == 0)
            {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(where + ": withdrawals still in flight after the last restart: " + inFlight);
    }

    private static Map<Long, Long> inFlight(final BusinessLogic logic)
    {
        final Map<Long, Long> out = new TreeMap<>();
        logic.visit(new StateVisitor()
        {
            @Override
            public void withdrawal(final long sagaId, final long account, final long assetHi, final long assetLo,
                final long amount, final long timeout, final int attempt, final int maxAttempts, final long deadline,
                final boolean cancelling)
            {
                out.put(sagaId, amount);
            }
        });
        return out;
    }

    /** The journal through a fresh business logic, with every event seen. */
    private static History replay(final Path data)
    {
        final JournalDirectory journal = JournalDirectory.of(data);
        final History history = new History();
        final SelfTradePrevention stp = journal.selfTradePrevention();
        history.logic = new BusinessLogic(stp);
        final EventBatch batch = new EventBatch();
        try (JournalReader reader = JournalReader.open(journal))
        {
            reader.readAll(Long.MAX_VALUE, false, QUIET, (command, index) ->
            {
                history.lastSeq = command.seq();
                if (command.type() == CommandType.WITHDRAW_REQUEST)
                {
                    history.requests.put(command.seq(), command.account());
                }
                batch.begin(command, null);
                history.logic.apply(command, batch);
                for (int i = 0; i < batch.count(); i++)
                {
                    switch (batch.type(i))
                    {
                        case DEPOSITED -> history.deposited += batch.qty(i);
                        case WITHDRAW_PENDING -> history.started.put(batch.sagaId(i), batch.qty(i));
                        case WITHDRAW_CANCELLING -> history.cancelling.add(batch.sagaId(i));
                        case WITHDRAW_CONFIRMED, WITHDRAW_FAILED, WITHDRAW_TIMED_OUT ->
                        {
                            history.ends.computeIfAbsent(batch.sagaId(i), k -> new ArrayList<>()).add(batch.type(i));
                            if (batch.type(i) == EventType.WITHDRAW_CONFIRMED)
                            {
                                history.confirmedAmount += batch.qty(i);
                            }
                        }
                        default ->
                        {
                        }
                    }
                }
            });
        }
        return history;
    }

    private static void check(final Path data, final Path ledger, final Client client, final String where) throws IOException
    {
        assertThat(client.errors).as(where + ": lines the server refused").isEmpty();
        final History history = replay(data);
        final Recovery.Recovered recovered = Recovery.recover(JournalDirectory.of(data), Recovery.Options.defaults(QUIET));
        assertThat(history.logic.stateHash()).as(where + ": replay with events vs the engine's own recovery")
            .isEqualTo(recovered.logic().stateHash());

        assertThat(history.requests.keySet()).as(where + ": acknowledged requests journaled").containsAll(client.ackedRequests);
        assertThat(history.started.keySet()).as(where + ": every journaled request started a saga (all are funded)")
            .isEqualTo(history.requests.keySet());
        assertThat(inFlight(history.logic)).as(where + ": withdrawals in flight at the end").isEmpty();
        final Map<Long, List<EventType>> notEndedOnce = new TreeMap<>();
        for (final long saga : history.started.keySet())
        {
            final List<EventType> ends = history.ends.getOrDefault(saga, List.of());
            if (ends.size() != 1)
            {
                notEndedOnce.put(saga, ends);
            }
        }
        assertThat(notEndedOnce).as(where + ": sagas that did not end exactly once").isEmpty();

        final List<WalletLedger.Entry> entries = WalletLedger.read(ledger);
        final Map<Long, Integer> paidTimes = new HashMap<>();
        long paidOut = 0;
        for (final WalletLedger.Entry entry : entries)
        {
            if (entry.state().equals("PAID"))
            {
                paidTimes.merge(entry.key(), 1, Integer::sum);
                paidOut += entry.amount();
                assertThat(entry.amount()).as(where + ": amount paid for " + entry.key()).isEqualTo(history.started.get(entry.key()));
            }
        }
        assertThat(paidTimes.values()).as(where + ": payments per key").allMatch(times -> times == 1);
        final Set<Long> confirmed = new HashSet<>();
        history.ends.forEach((saga, ends) ->
        {
            if (ends.contains(EventType.WITHDRAW_CONFIRMED))
            {
                confirmed.add(saga);
            }
        });
        assertThat(new TreeSet<>(paidTimes.keySet())).as(where + ": keys the wallet paid = sagas the engine confirmed")
            .isEqualTo(new TreeSet<>(confirmed));

        final long[] held = new long[1];
        history.logic.visit(new StateVisitor()
        {
            @Override
            public void balance(final long account, final long assetHi, final long assetLo, final long available,
                final long reserved)
            {
                assertThat(AsciiName.toString(assetHi, assetLo)).isEqualTo("USD");
                held[0] += available + reserved;
            }
        });
        assertThat(history.deposited).as(where + ": deposited").isEqualTo(ACCOUNTS * DEPOSIT);
        assertThat(held[0] + paidOut).as(where + ": available + reserved + in flight (none) + paid out = deposited")
            .isEqualTo(history.deposited);
        assertThat(paidOut).as(where + ": paid out by the wallet = confirmed by the engine").isEqualTo(history.confirmedAmount);

        final long timedOut = history.ends.values().stream().filter(e -> e.contains(EventType.WITHDRAW_TIMED_OUT)).count();
        final long failed = history.ends.values().stream().filter(e -> e.contains(EventType.WITHDRAW_FAILED)).count();
        final long paidAfterDeadline = history.cancelling.stream().filter(confirmed::contains).count();
        System.out.printf("WithdrawalCrashTest: %d sagas (%d acknowledged): %d confirmed, %d failed, %d timed out; "
            + "%d cancelling after their last deadline, %d of them found paid and confirmed; ledger %d lines, last seq %d%n",
            history.started.size(), client.ackedRequests.size(), confirmed.size(), failed, timedOut, history.cancelling.size(),
            paidAfterDeadline, entries.size(), history.lastSeq);
        assertThat(history.ends.keySet()).as(where + ": every saga that was cancelling ended").containsAll(history.cancelling);
        assertThat(history.cancelling).as(where + ": sagas whose last deadline passed unanswered").isNotEmpty();
        assertThat(confirmed).as(where + ": some sagas paid").isNotEmpty();
        assertThat(failed + timedOut).as(where + ": some sagas compensated").isPositive();
    }
}
