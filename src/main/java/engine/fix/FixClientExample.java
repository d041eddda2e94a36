package engine.fix;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import quickfix.ApplicationAdapter;
import quickfix.DefaultMessageFactory;
import quickfix.FieldNotFound;
import quickfix.FileStoreFactory;
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
import quickfix.field.OrigClOrdID;
import quickfix.field.Price;
import quickfix.field.Side;
import quickfix.field.Symbol;
import quickfix.field.TimeInForce;
import quickfix.field.TransactTime;

/**
 * The client example of docs/FIX.md: logs on with an account's API key, places a limit order,
 * cancels it, prints every report, logs out. Run against {@code engine serve --fix PORT}:
 * <pre>
 * java @scripts/jvm.options -cp target/engine.jar engine.fix.FixClientExample \
 *     PORT SENDER_COMP_ID ACCOUNT API_KEY SYMBOL SIDE PRICE QTY
 * </pre>
 * for example {@code 9878 CLIENT1 1 7b21d4... BTC-USD BUY 30000 2}. Its sequence numbers are
 * kept in {@code ./fix-client-store}, as a real client keeps them between connections.
 */
public final class FixClientExample
{
    private static final long TIMEOUT_SECONDS = 10;

    private FixClientExample()
    {
    }

    public static void main(final String[] args) throws Exception
    {
        if (args.length != 8)
        {
            System.err.println("usage: FixClientExample PORT SENDER_COMP_ID ACCOUNT API_KEY SYMBOL BUY|SELL PRICE QTY");
            System.exit(2);
        }
        final boolean ok = run(Integer.parseInt(args[0]), args[1], args[2], args[3], args[4], args[5].equals("BUY"),
            args[6], args[7], Path.of("fix-client-store"), System.out);
        System.exit(ok ? 0 : 1);
    }

    /** Places and cancels one order; true when both the New and the Canceled report arrived. */
    static boolean run(final int port, final String senderCompId, final String account, final String apiKey,
        final String symbol, final boolean buy, final String price, final String qty, final Path store,
        final PrintStream out) throws Exception
    {
        Files.createDirectories(store);
        final SessionID session = ClientSessions.sessionId(senderCompId);
        final SessionSettings settings = ClientSessions.initiator(senderCompId, "127.0.0.1", port, store);

        final BlockingQueue<Message> reports = new LinkedBlockingQueue<>();
        final BlockingQueue<String> logons = new LinkedBlockingQueue<>();
        final SocketInitiator initiator = new SocketInitiator(new ApplicationAdapter()
        {
            @Override
            public void onLogon(final SessionID id)
            {
                logons.add("logged on");
            }

            @Override
            public void toAdmin(final Message message, final SessionID id)
            {
                // Username = the account, Password = its API key.
                ClientSessions.credentials(message, account, apiKey);
            }

            @Override
            public void fromApp(final Message message, final SessionID id)
            {
                out.println("received: " + message.toString().replace('\u0001', '|'));
                reports.add(message);
            }
        }, new FileStoreFactory(settings), settings, new ScreenLogFactory(false, false, false), new DefaultMessageFactory());
        initiator.start();
        try
        {
            if (logons.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS) == null)
            {
                out.println("no logon (wrong key or CompID? the server logs why)");
                return false;
            }
            final String id = "ex-" + System.currentTimeMillis();
            final Message order = new quickfix.fix44.NewOrderSingle();
            order.setString(ClOrdID.FIELD, id);
            order.setString(Symbol.FIELD, symbol);
            order.setChar(Side.FIELD, buy ? Side.BUY : Side.SELL);
            order.setChar(OrdType.FIELD, OrdType.LIMIT);
            order.setString(Price.FIELD, price);
            order.setString(OrderQty.FIELD, qty);
            order.setChar(TimeInForce.FIELD, TimeInForce.GOOD_TILL_CANCEL);
            order.setUtcTimeStamp(TransactTime.FIELD, LocalDateTime.now(ZoneOffset.UTC));
            Session.sendToTarget(order, session);
            if (!awaitExecType(reports, ExecType.NEW))
            {
                return false;
            }
            final Message cancel = new quickfix.fix44.OrderCancelRequest();
            cancel.setString(ClOrdID.FIELD, id + "-c");
            cancel.setString(OrigClOrdID.FIELD, id);
            cancel.setString(Symbol.FIELD, symbol);
            cancel.setChar(Side.FIELD, buy ? Side.BUY : Side.SELL);
            cancel.setUtcTimeStamp(TransactTime.FIELD, LocalDateTime.now(ZoneOffset.UTC));
            Session.sendToTarget(cancel, session);
            return awaitExecType(reports, ExecType.CANCELED);
        }
        finally
        {
            initiator.stop();
        }
    }

    private static boolean awaitExecType(final BlockingQueue<Message> reports, final char execType)
        throws InterruptedException
    {
        for (Message m = reports.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS); m != null;
             m = reports.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS))
        {
            try
            {
                if (m.getChar(ExecType.FIELD) == execType)
                {
                    return true;
                }
            }
            catch (final FieldNotFound e)
            {
                // Not an execution report (an OrderCancelReject, say): keep waiting.
            }
        }
        return false;
    }
}
