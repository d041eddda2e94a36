package engine.fix;

import engine.api.AsciiName;
import engine.readmodel.DepthView;
import engine.readmodel.ReadModels;
import engine.readmodel.TradeView;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import quickfix.FieldNotFound;
import quickfix.Group;
import quickfix.Message;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.field.MDEntryType;
import quickfix.field.MDReqID;
import quickfix.field.MDReqRejReason;
import quickfix.field.MarketDepth;
import quickfix.field.NoMDEntryTypes;
import quickfix.field.NoRelatedSym;
import quickfix.field.SubscriptionRequestType;
import quickfix.field.Symbol;
import quickfix.field.Text;

/**
 * MarketDataRequest(V): a snapshot (W) of the top N price levels of each symbol, then, for a
 * subscription, incremental refreshes (X) of those levels and of trades, from the depth and
 * trade read models, never from the engine. One thread serves every subscription: the read
 * models only offer news to its bounded inbox (dropped when full; the next depth change sends
 * the whole difference anyway), so a slow subscriber never slows a model.
 *
 * <p>Each subscription remembers the levels it last sent per symbol; an incremental refresh is
 * the difference to the current top N (new, changed, deleted levels), so a client applying W
 * then every X holds exactly the depth read model's top N.
 */
final class MarketData implements AutoCloseable
{
    /** MarketDepth(264) 0 (full book) is served as this many levels. */
    static final int FULL_BOOK_LEVELS = 1000;
    private final ReadModels models;
    private final MarketDataEncoder encoder = new MarketDataEncoder();
    private final PrintStream log;
    private final Map<SessionID, Map<String, Subscription>> bySession = new ConcurrentHashMap<>();
    private final BlockingQueue<Object> inbox = new ArrayBlockingQueue<>(1 << 16);
    private final Thread thread;
    private volatile boolean running = true;

    MarketData(final ReadModels models, final PrintStream log)
    {
        this.models = models;
        this.log = log;
        models.depth().onChange((symbol, seq) ->
        {
            if (!bySession.isEmpty())
            {
                inbox.offer(symbol);
            }
        });
        models.trades().onTrade(trade ->
        {
            if (!bySession.isEmpty())
            {
                inbox.offer(trade);
            }
        });
        thread = new Thread(this::run, "fix-market-data");
        thread.setDaemon(true);
        thread.start();
    }

    /** One client's subscription: its symbols, depth, entry types, and what it was last sent. */
    private static final class Subscription
    {
        final SessionID session;
        final String reqId;
        final List<String> symbols;
        final int levels;
        final boolean book;
        final boolean trades;
        final Map<String, DepthView.Depth> sent = new ConcurrentHashMap<>();

        Subscription(final SessionID session, final String reqId, final List<String> symbols, final int levels,
            final boolean book, final boolean trades)
        {
            this.session = session;
            this.reqId = reqId;
            this.symbols = symbols;
            this.levels = levels;
            this.book = book;
            this.trades = trades;
        }
    }

    private record Unsubscribe(SessionID session, String reqId)
    {
    }

    /** Handles a MarketDataRequest on the session's thread; the replies come from this class's thread. */
    void request(final Message m, final FixSession session) throws FixReject
    {
        final String reqId = string(m, MDReqID.FIELD);
        final char type = string(m, SubscriptionRequestType.FIELD).charAt(0);
        if (type == SubscriptionRequestType.DISABLE_PREVIOUS_SNAPSHOT_UPDATE_REQUEST)
        {
            offerControl(new Unsubscribe(session.id, reqId));
            return;
        }
        if (type != SubscriptionRequestType.SNAPSHOT && type != SubscriptionRequestType.SNAPSHOT_UPDATES)
        {
            throw FixReject.session(FixReject.VALUE_INCORRECT, SubscriptionRequestType.FIELD,
                "SubscriptionRequestType must be 0, 1 or 2");
        }
        final int depth = integer(m, MarketDepth.FIELD);
        if (depth < 0)
        {
            throw FixReject.session(FixReject.VALUE_INCORRECT, MarketDepth.FIELD, "MarketDepth must not be negative");
        }
        final Set<Character> entryTypes = entryTypes(m);
        final List<String> symbols = symbols(m);
        for (final String symbol : symbols)
        {
            if (!AsciiName.isValid(symbol) || !models.depth().hasSymbol(symbol))
            {
                reject(session.id, reqId, MDReqRejReason.UNKNOWN_SYMBOL, "unknown symbol '" + symbol + "'");
                return;
            }
        }
        if (type == SubscriptionRequestType.SNAPSHOT_UPDATES && subscriptions(session.id).containsKey(reqId))
        {
            reject(session.id, reqId, MDReqRejReason.DUPLICATE_MDREQID, "MDReqID " + reqId + " is already subscribed");
            return;
        }
        final Subscription s = new Subscription(session.id, reqId, symbols, depth == 0 ? FULL_BOOK_LEVELS : depth,
            entryTypes.contains(MDEntryType.BID) || entryTypes.contains(MDEntryType.OFFER),
            entryTypes.contains(MDEntryType.TRADE));
        offerControl(type == SubscriptionRequestType.SNAPSHOT ? new Snapshot(s) : s);
    }

    private record Snapshot(Subscription subscription)
    {
    }

    /** Drops a logged-out session's subscriptions. */
    void unsubscribeAll(final SessionID session)
    {
        bySession.remove(session);
    }

    private Map<String, Subscription> subscriptions(final SessionID session)
    {
        return bySession.computeIfAbsent(session, k -> new ConcurrentHashMap<>());
    }

    private void offerControl(final Object control)
    {
        try
        {
            // Requests come from client threads, which may wait; only model news must never wait.
            inbox.put(control);
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
        }
    }

    private void run()
    {
        final List<Object> drained = new ArrayList<>();
        final Set<String> depthDue = new LinkedHashSet<>();
        while (running)
        {
            try
            {
                final Object first = inbox.poll(50, TimeUnit.MILLISECONDS);
                if (first == null)
                {
                    continue;
                }
                drained.add(first);
                inbox.drainTo(drained);
                for (final Object item : drained)
                {
                    handle(item, depthDue);
                }
                drained.clear();
                for (final String symbol : depthDue)
                {
                    publishDepth(symbol);
                }
                depthDue.clear();
            }
            catch (final InterruptedException e)
            {
                return;
            }
            catch (final RuntimeException e)
            {
                log.println("fix: market data: " + e);
            }
        }
    }

    private void handle(final Object item, final Set<String> depthDue)
    {
        if (item instanceof String symbol)
        {
            depthDue.add(symbol);
        }
        else if (item instanceof TradeView.Trade trade)
        {
            publishTrade(trade);
        }
        else if (item instanceof Snapshot snapshot)
        {
            sendSnapshots(snapshot.subscription());
        }
        else if (item instanceof Subscription s)
        {
            sendSnapshots(s);
            subscriptions(s.session).put(s.reqId, s);
        }
        else if (item instanceof Unsubscribe u)
        {
            subscriptions(u.session()).remove(u.reqId());
        }
    }

    private void sendSnapshots(final Subscription s)
    {
        for (final String symbol : s.symbols)
        {
            final DepthView.Depth depth = models.depth().depth(symbol, s.levels).value();
            s.sent.put(symbol, depth);
            send(s.session, encoder.snapshot(s.reqId, symbol, s.book ? depth : null));
        }
    }

    private void publishDepth(final String symbol)
    {
        for (final Map<String, Subscription> subscriptions : bySession.values())
        {
            for (final Subscription s : subscriptions.values())
            {
                if (s.book && s.symbols.contains(symbol))
                {
                    final DepthView.Depth now = models.depth().depth(symbol, s.levels).value();
                    final Message update = encoder.depthUpdate(s.reqId, symbol, s.sent.get(symbol), now);
                    s.sent.put(symbol, now);
                    if (update != null)
                    {
                        send(s.session, update);
                    }
                }
            }
        }
    }

    private void publishTrade(final TradeView.Trade trade)
    {
        for (final Map<String, Subscription> subscriptions : bySession.values())
        {
            for (final Subscription s : subscriptions.values())
            {
                if (s.trades && s.symbols.contains(trade.symbol()))
                {
                    send(s.session, encoder.trade(s.reqId, trade));
                }
            }
        }
    }

    private void reject(final SessionID session, final String reqId, final char reason, final String text)
    {
        final Message reply = new quickfix.fix44.MarketDataRequestReject();
        reply.setString(MDReqID.FIELD, reqId);
        reply.setChar(MDReqRejReason.FIELD, reason);
        reply.setString(Text.FIELD, text);
        send(session, reply);
    }

    private static void send(final SessionID session, final Message message)
    {
        final Session s = Session.lookupSession(session);
        if (s != null && s.isLoggedOn())
        {
            s.send(message);
        }
    }

    private static Set<Character> entryTypes(final Message m) throws FixReject
    {
        final Set<Character> types = new LinkedHashSet<>();
        for (final Group group : m.getGroups(NoMDEntryTypes.FIELD))
        {
            final char type = string(group, MDEntryType.FIELD).charAt(0);
            if (type != MDEntryType.BID && type != MDEntryType.OFFER && type != MDEntryType.TRADE)
            {
                throw FixReject.session(FixReject.VALUE_INCORRECT, MDEntryType.FIELD,
                    "MDEntryType must be 0 (bid), 1 (offer) or 2 (trade)");
            }
            types.add(type);
        }
        if (types.isEmpty())
        {
            throw FixReject.session(FixReject.TAG_MISSING, NoMDEntryTypes.FIELD, "NoMDEntryTypes(267) required");
        }
        return types;
    }

    private static List<String> symbols(final Message m) throws FixReject
    {
        final List<String> symbols = new ArrayList<>();
        for (final Group group : m.getGroups(NoRelatedSym.FIELD))
        {
            symbols.add(string(group, Symbol.FIELD));
        }
        if (symbols.isEmpty())
        {
            throw FixReject.session(FixReject.TAG_MISSING, NoRelatedSym.FIELD, "NoRelatedSym(146) required");
        }
        return symbols;
    }

    private static String string(final quickfix.FieldMap m, final int tag) throws FixReject
    {
        try
        {
            final String value = m.getString(tag);
            if (value.isEmpty())
            {
                throw FixReject.session(FixReject.VALUE_INCORRECT, tag, "tag " + tag + " is empty");
            }
            return value;
        }
        catch (final FieldNotFound e)
        {
            throw FixReject.session(FixReject.TAG_MISSING, tag, "required tag " + tag + " missing");
        }
    }

    private static int integer(final Message m, final int tag) throws FixReject
    {
        try
        {
            return Integer.parseInt(string(m, tag));
        }
        catch (final NumberFormatException e)
        {
            throw FixReject.session(FixReject.BAD_FORMAT, tag, "tag " + tag + " must be an integer");
        }
    }

    @Override
    public void close()
    {
        running = false;
        thread.interrupt();
    }
}
