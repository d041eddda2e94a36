package engine.bench;

import engine.api.AsciiName;
import engine.api.Command;
import engine.app.EngineConfig;
import engine.fix.ClientSessions;
import engine.fix.FixFrontEnd;
import engine.http.HttpFrontEnd;
import engine.server.LiveEngine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import quickfix.ApplicationAdapter;
import quickfix.DefaultMessageFactory;
import quickfix.FieldNotFound;
import quickfix.MemoryStoreFactory;
import quickfix.Message;
import quickfix.ScreenLogFactory;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SessionSettings;
import quickfix.SocketInitiator;
import quickfix.field.ClOrdID;
import quickfix.field.ExecType;
import quickfix.field.OrdType;
import quickfix.field.OrderQty;
import quickfix.field.Price;
import quickfix.field.Side;
import quickfix.field.Symbol;
import quickfix.field.TimeInForce;
import quickfix.field.TransactTime;

/**
 * FIX round trip, NewOrderSingle to its first ExecutionReport (New), through the real gateway:
 * a journaling live engine with {@code serve --fix}'s wiring in this JVM, and a QuickFIX/J
 * initiator over loopback TCP as the client. Open loop: order {@code i} is due at
 * {@code start + i / rate} and its latency runs from that due time to the report's arrival, so
 * a stall is charged to every order it delayed. Orders alternate buy and sell at one price, so
 * half of them trade and the book stays small. Not a test: run it by hand,
 * <pre>
 * java @scripts/jvm.options -cp target/engine.jar engine.bench.FixRoundTripBenchmark [rate,rate,...] [seconds]
 * </pre>
 * Both sides store every message (QuickFIX/J file store on the server, memory on the client),
 * as in production; numbers depend on the machine and on what else it runs.
 */
public final class FixRoundTripBenchmark
{
    private static final String KEY = "bench-account-key-1";
    private static final String SYMBOL = "BENCH-USD";
    private static final long HIGHEST = TimeUnit.SECONDS.toNanos(60);

    private FixRoundTripBenchmark()
    {
    }

    public static void main(final String[] args) throws Exception
    {
        final long[] rates = parseRates(args.length > 0 ? args[0] : "1000,5000,10000");
        final int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        final Path data = Files.createTempDirectory("fix-bench");
        Files.writeString(data.resolve("api-keys.properties"), KEY + "=account:1\n");
        Files.writeString(data.resolve("fix-sessions.properties"), "BENCH=1\n");
        final PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
        final EngineConfig config = EngineConfig.live();
        final LiveEngine.Builder builder = LiveEngine.builder(data).snapshotEvery(0).log(quiet).config(config);
        final HttpFrontEnd models = HttpFrontEnd.prepare(data, config.timeUnitNanos(), builder, false);
        final FixFrontEnd fix = FixFrontEnd.prepare(data, models.models(), config.timeUnitNanos(),
            builder::journaledHandler, System.err);
        final LiveEngine live = builder.start();
        final int port = freePort();
        fix.start(live, "127.0.0.1", port);
        fund(live);
        final Client client = new Client(port, 1 << 24);
        client.awaitLogon();
        System.out.printf("FIX round trip NewOrderSingle -> ExecutionReport(New), %d s per rate, latency from due time%n",
            seconds);
        System.out.printf("%10s %10s %10s %10s %10s %10s%n", "rate/s", "achieved", "p50 us", "p99 us", "p99.9 us",
            "max us");
        int next = 0;
        for (final long rate : rates)
        {
            final int count = (int)(rate * seconds);
            final Histogram histogram = client.run(next, count, rate);
            next += count;
            System.out.printf("%10d %10.0f %10.1f %10.1f %10.1f %10.1f%n", rate, client.achieved,
                histogram.getValueAtPercentile(50) / 1e3, histogram.getValueAtPercentile(99) / 1e3,
                histogram.getValueAtPercentile(99.9) / 1e3, histogram.getMaxValue() / 1e3);
        }
        client.close();
        fix.close();
        live.close();
        System.exit(0);
    }

    private static long[] parseRates(final String text)
    {
        final String[] parts = text.split(",");
        final long[] rates = new long[parts.length];
        for (int i = 0; i < parts.length; i++)
        {
            rates[i] = Long.parseLong(parts[i].trim());
        }
        return rates;
    }

    private static void fund(final LiveEngine live) throws Exception
    {
        live.engine().submit(new Command().symbol(0, AsciiName.hi(SYMBOL), AsciiName.lo(SYMBOL), AsciiName.hi("BENCH"),
            AsciiName.lo("BENCH"), AsciiName.hi("USD"), AsciiName.lo("USD"), 1, 1)).get();
        live.engine().submit(new Command().deposit(0, 1, AsciiName.hi("USD"), AsciiName.lo("USD"), 1L << 50)).get();
        live.engine().submit(new Command().deposit(0, 1, AsciiName.hi("BENCH"), AsciiName.lo("BENCH"), 1L << 50)).get();
    }

    private static int freePort() throws IOException
    {
        try (ServerSocket socket = new ServerSocket(0))
        {
            return socket.getLocalPort();
        }
    }

    /** The initiator: sends on due times, stamps each order's first report. */
    private static final class Client
    {
        private final SessionID session = ClientSessions.sessionId("BENCH");
        private final SocketInitiator initiator;
        private final long[] due;
        private final AtomicLong reports = new AtomicLong();
        private volatile Histogram histogram;
        private volatile boolean loggedOn;
        double achieved;

        Client(final int port, final int capacity) throws Exception
        {
            due = new long[capacity];
            final SessionSettings settings = ClientSessions.initiator("BENCH", "127.0.0.1", port, null);
            initiator = new SocketInitiator(new ApplicationAdapter()
            {
                @Override
                public void onLogon(final SessionID id)
                {
                    loggedOn = true;
                }

                @Override
                public void toAdmin(final Message message, final SessionID id)
                {
                    ClientSessions.credentials(message, "1", KEY);
                }

                @Override
                public void fromApp(final Message message, final SessionID id)
                {
                    onReport(message);
                }
            }, new MemoryStoreFactory(), settings, new ScreenLogFactory(false, false, false), new DefaultMessageFactory());
            initiator.start();
        }

        void awaitLogon() throws InterruptedException
        {
            while (!loggedOn)
            {
                Thread.sleep(10);
            }
        }

        private void onReport(final Message message)
        {
            try
            {
                if (message.getChar(ExecType.FIELD) == ExecType.NEW)
                {
                    final int index = Integer.parseInt(message.getString(ClOrdID.FIELD));
                    histogram.recordValue(Math.min(HIGHEST, Math.max(0, System.nanoTime() - due[index])));
                    reports.incrementAndGet();
                }
            }
            catch (final FieldNotFound | NumberFormatException e)
            {
                // Not one of ours.
            }
        }

        Histogram run(final int first, final int count, final long rate) throws InterruptedException
        {
            histogram = new Histogram(HIGHEST, 3);
            reports.set(0);
            final Session s = Session.lookupSession(session);
            final double nanosPerOrder = 1e9 / rate;
            final long start = System.nanoTime() + 1_000_000;
            for (int i = 0; i < count; i++)
            {
                final int index = first + i;
                due[index] = start + (long)(i * nanosPerOrder);
                while (System.nanoTime() < due[index])
                {
                    Thread.onSpinWait();
                }
                s.send(order(index));
            }
            final long sent = System.nanoTime();
            achieved = count / ((sent - start) / 1e9);
            while (reports.get() < count)
            {
                Thread.sleep(1);
            }
            return histogram;
        }

        private static Message order(final int index)
        {
            final Message m = new quickfix.fix44.NewOrderSingle();
            m.setString(ClOrdID.FIELD, Integer.toString(index));
            m.setString(Symbol.FIELD, SYMBOL);
            m.setChar(Side.FIELD, index % 2 == 0 ? Side.BUY : Side.SELL);
            m.setChar(OrdType.FIELD, OrdType.LIMIT);
            m.setString(Price.FIELD, "100");
            m.setString(OrderQty.FIELD, "1");
            m.setChar(TimeInForce.FIELD, TimeInForce.GOOD_TILL_CANCEL);
            m.setUtcTimeStamp(TransactTime.FIELD, LocalDateTime.now(ZoneOffset.UTC));
            return m;
        }

        void close()
        {
            initiator.stop(true);
        }
    }
}
