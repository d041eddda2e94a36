package engine.server;

import static org.assertj.core.api.Assertions.assertThat;

import engine.api.CommandType;
import engine.book.Order;
import engine.journal.JournalDirectory;
import engine.journal.JournalReader;
import engine.journal.Recovery;
import engine.book.Instrument;
import engine.logic.StateVisitor;
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
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a live engine process with SIGKILL at random moments, over and over, and checks after
 * each restart that every acknowledged command survived, none was applied twice, and the
 * recovered state equals a clean replay of the journal.
 *
 * <p>Workload: account 1 places non-crossing limit buys with unique ids (each rests, so the book
 * lists exactly the orders that were applied), account 2 deposits 1 USD at a time (its balance
 * counts the deposits applied).
 */
@Tag("slow")
class CrashRecoveryTest
{
    private static final int KILLS = 10;
    private static final PrintStream QUIET = new PrintStream(new ByteArrayOutputStream());

    @TempDir
    Path dir;

    /** What the client sent and what came back acknowledged. */
    private static final class Client
    {
        final Set<Long> ackedOrders = new HashSet<>();
        long ackedDeposits;
        long maxAckedSeq;
        long nextOrderId = 1;
        /** Acknowledgements received so far, every kind. */
        long acks;
    }

    @Test
    void shouldRecoverEveryAcknowledgedCommandAfterRepeatedKills() throws Exception
    {
        final long seed = TestSettings.seed("CrashRecoveryTest");
        final Random random = new Random(seed);
        final Path data = dir.resolve("data");
        final Client client = new Client();
        for (int round = 0; round <= KILLS; round++)
        {
            final Process child = startServer(data, round);
            try
            {
                final String[] ready = awaitReady(child, round);
                final int port = Integer.parseInt(ready[1].substring("port=".length()));
                final long seq = Long.parseLong(ready[2].substring("seq=".length()));
                final long hash = Long.parseUnsignedLong(ready[3].substring("hash=".length()), 16);
                check(data, client, seq, hash, "round " + round + " seed " + seed);
                System.out.printf("round %d: recovered seq %d, last acknowledged seq %d, %d orders acknowledged; %s%n", round,
                    seq, client.maxAckedSeq, client.ackedOrders.size(), recoveryLine(round));
                if (round == KILLS)
                {
                    break;
                }
                trade(port, client, round == 0, 150 + random.nextInt(1_500));
            }
            finally
            {
                child.destroyForcibly(); // SIGKILL: no shutdown hook, no final snapshot
                child.waitFor(TestSettings.timeoutMillis(30), TimeUnit.MILLISECONDS);
            }
        }
        assertThat(client.ackedOrders).isNotEmpty();
    }

    private Process startServer(final Path data, final int round) throws IOException
    {
        final List<String> command = ChildEngine.command(
            List.of("-Xmx256m", "-Dorg.slf4j.simpleLogger.log.net.openhft=warn"),
            "serve", "--data", data.toString(), "--port", "0", "--snapshot-every", "2000");
        return new ProcessBuilder(command).redirectError(dir.resolve("server-" + round + ".err").toFile()).start();
    }

    private String recoveryLine(final int round) throws IOException
    {
        return Files.readAllLines(dir.resolve("server-" + round + ".err")).stream().filter(l -> l.startsWith("recovery:") ||
            l.contains("torn")).reduce("", (a, b) -> a + b + " ");
    }

    private String[] awaitReady(final Process child, final int round) throws IOException
    {
        final BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII));
        final String line = out.readLine();
        if (line == null || !line.startsWith("READY,"))
        {
            throw new AssertionError("server did not start in round " + round + ": " + line + "\n" +
                Files.readString(dir.resolve("server-" + round + ".err")));
        }
        return line.split(",");
    }

    /**
     * Sends commands for {@code millis}, pipelined, recording acknowledgements, and on until at
     * least one command of this round was acknowledged (a loaded machine may take longer than
     * {@code millis} to answer the first); the caller then kills the server.
     */
    private static void trade(final int port, final Client client, final boolean first, final int millis) throws Exception
    {
        try (Socket socket = new Socket("127.0.0.1", port))
        {
            final ConcurrentLinkedQueue<long[]> sent = new ConcurrentLinkedQueue<>(); // {kind 0=setup 1=order 2=deposit, id}
            final Thread reader = new Thread(() -> readAcks(socket, sent, client), "crash-test-acks");
            reader.start();
            final OutputStream out = socket.getOutputStream();
            if (first)
            {
                send(out, sent, "SYMBOL,,X-USD,X,USD", 0, 0);
                send(out, sent, "DEPOSIT,,1,USD,1000000000000", 0, 0);
            }
            // The setup's two acknowledgements do not count: a kill before the deposit was journaled
            // would leave every later order unfunded (journaled, rejected, so never resting).
            final long acksBefore = acks(client) + (first ? 2 : 0);
            final long deadline = System.nanoTime() + millis * 1_000_000L;
            final long giveUp = System.nanoTime() + TestSettings.timeout(Duration.ofSeconds(60)).toNanos();
            long i = 0;
            while (System.nanoTime() < deadline || (acks(client) == acksBefore && System.nanoTime() < giveUp))
            {
                if (i++ % 3 == 2)
                {
                    send(out, sent, "DEPOSIT,,2,USD,1", 2, 0);
                }
                else
                {
                    final long id = client.nextOrderId++;
                    send(out, sent, "PLACE,,1," + id + ",X-USD,BUY,LIMIT,GTC," + (1 + id % 50) + ",1", 1, id);
                }
                if (i % 16 == 0)
                {
                    out.flush();
                    Thread.sleep(1);
                }
            }
            out.flush();
            // The kill comes now, while acknowledgements are still in flight.
            socket.shutdownOutput();
            Thread.sleep(millis % 50);
            synchronized (client)
            {
                // Freeze the record of acknowledgements as of the kill.
                reader.interrupt();
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

    private static void send(final OutputStream out, final ConcurrentLinkedQueue<long[]> sent, final String line,
        final long kind, final long id) throws IOException
    {
        sent.add(new long[] {kind, id});
        out.write((line + "\n").getBytes(StandardCharsets.US_ASCII));
    }

    private static void readAcks(final Socket socket, final ConcurrentLinkedQueue<long[]> sent, final Client client)
    {
        try
        {
            final BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            String line;
            while ((line = in.readLine()) != null)
            {
                if (line.startsWith("ERROR"))
                {
                    throw new AssertionError("server refused a line: " + line);
                }
                if (!line.startsWith("OK,"))
                {
                    continue;
                }
                final long[] command = sent.poll();
                synchronized (client)
                {
                    if (Thread.currentThread().isInterrupted())
                    {
                        return;
                    }
                    client.acks++;
                    client.maxAckedSeq = Math.max(client.maxAckedSeq, Long.parseLong(line.substring(3)));
                    if (command[0] == 1)
                    {
                        client.ackedOrders.add(command[1]);
                    }
                    else if (command[0] == 2)
                    {
                        client.ackedDeposits++;
                    }
                }
            }
        }
        catch (final IOException e)
        {
            // Killed server: the connection drops.
        }
    }

    /** The restarted server's state against a clean replay of its journal and the client's acknowledgements. */
    private static void check(final Path data, final Client client, final long seq, final long hash, final String where)
    {
        final JournalDirectory journal = JournalDirectory.of(data);
        if (seq == 0)
        {
            assertThat(client.maxAckedSeq).as(where).isZero();
            return;
        }
        final Recovery.Recovered clean = Recovery.recover(journal, Recovery.Options.defaults(QUIET).until(seq).snapshots(false));
        assertThat(clean.lastSeq()).as(where + ": journal end").isEqualTo(seq);
        assertThat(hash).as(where + ": recovered state hash vs clean replay").isEqualTo(clean.logic().stateHash());
        assertThat(seq).as(where + ": last seq vs last acknowledged").isGreaterThanOrEqualTo(client.maxAckedSeq);

        final Set<Long> journaledOrders = new HashSet<>();
        final long[] journaledDeposits = new long[1];
        try (JournalReader reader = JournalReader.open(journal))
        {
            reader.readAll(seq, false, QUIET, (command, index) ->
            {
                if (command.type() == CommandType.PLACE)
                {
                    assertThat(journaledOrders.add(command.orderId())).as(where + ": order journaled twice").isTrue();
                }
                else if (command.type() == CommandType.DEPOSIT && command.account() == 2)
                {
                    journaledDeposits[0]++;
                }
            });
        }
        final Set<Long> resting = new HashSet<>();
        final long[] account2 = new long[1];
        clean.logic().visit(new StateVisitor()
        {
            @Override
            public void restingOrder(final Instrument instrument, final Order order)
            {
                assertThat(resting.add(order.orderId())).as(where + ": order applied twice").isTrue();
            }

            @Override
            public void balance(final long account, final long assetHi, final long assetLo, final long available,
                final long reserved)
            {
                if (account == 2)
                {
                    account2[0] += available + reserved;
                }
            }
        });
        // Plain set arithmetic: AssertJ's containsAll is quadratic on sets of this size.
        assertThat(resting.equals(journaledOrders)).as(where + ": book holds exactly the journaled orders").isTrue();
        final Set<Long> lost = new HashSet<>(client.ackedOrders);
        lost.removeAll(resting);
        assertThat(lost).as(where + ": acknowledged orders lost").isEmpty();
        assertThat(account2[0]).as(where + ": deposits applied once each").isEqualTo(journaledDeposits[0]);
        assertThat(account2[0]).as(where + ": every acknowledged deposit survived").isGreaterThanOrEqualTo(client.ackedDeposits);
    }
}
