package engine.http;

import engine.readmodel.DepthView;
import engine.readmodel.ReadModels;
import engine.readmodel.TradeView;
import io.javalin.http.sse.SseClient;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.TimeUnit;

/**
 * Server-sent events per symbol: {@code trade} for each trade, {@code depth} (top levels) after
 * changes. Read-model threads only offer news to a bounded inbox (dropped when full: a stuck
 * viewer must never slow a model); one hub thread sends, coalescing depth changes per symbol.
 */
final class StreamHub implements AutoCloseable
{
    private static final int DEPTH_LEVELS = 10;
    private final ReadModels models;
    private final Map<String, Set<SseClient>> clients = new ConcurrentHashMap<>();
    private final BlockingQueue<Object> inbox = new ArrayBlockingQueue<>(1 << 16);
    private final Thread thread;
    private volatile boolean running = true;
    private boolean listening;

    StreamHub(final ReadModels models)
    {
        this.models = models;
        thread = new Thread(this::run, "http-stream-hub");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Asks the models for news only once someone watches, so an unwatched server pays nothing;
     * after that a symbol nobody watches costs the models a map lookup and no allocation (the
     * trade view makes a trade object only for symbols the filter accepts).
     */
    synchronized void listen()
    {
        if (listening)
        {
            return;
        }
        listening = true;
        models.trades().onTrade(clients::containsKey, inbox::offer);
        models.depth().onChange((symbol, seq) ->
        {
            if (clients.containsKey(symbol))
            {
                inbox.offer(symbol);
            }
        });
    }

    void subscribe(final String symbol, final SseClient client)
    {
        listen();
        client.keepAlive();
        clients.computeIfAbsent(symbol, k -> new CopyOnWriteArraySet<>()).add(client);
        client.onClose(() -> clients.getOrDefault(symbol, Set.of()).remove(client));
        // The first depth event is the current book, so a view needs no separate query.
        inbox.offer(symbol);
    }

    private void run()
    {
        final List<Object> drained = new ArrayList<>();
        final Set<String> depthDue = new LinkedHashSet<>();
        while (running)
        {
            try
            {
                final Object first = inbox.poll(100, TimeUnit.MILLISECONDS);
                if (first == null)
                {
                    continue;
                }
                drained.add(first);
                inbox.drainTo(drained, 4096);
                for (final Object news : drained)
                {
                    if (news instanceof TradeView.Trade trade)
                    {
                        send(trade.symbol(), "trade", QueryRoutes.publicTrade(trade));
                    }
                    else
                    {
                        depthDue.add((String)news);
                    }
                }
                for (final String symbol : depthDue)
                {
                    sendDepth(symbol);
                }
            }
            catch (final InterruptedException e)
            {
                return;
            }
            catch (final RuntimeException e)
            {
                // A client that went away mid-send; its onClose removes it.
            }
            finally
            {
                drained.clear();
                depthDue.clear();
            }
        }
    }

    private void sendDepth(final String symbol)
    {
        final var depth = models.depth().depth(symbol, DEPTH_LEVELS);
        if (depth.value() != null)
        {
            final Map<String, Object> out = new java.util.LinkedHashMap<>();
            out.put("asOfSeq", depth.asOfSeq());
            final DepthView.Depth d = depth.value();
            out.put("symbol", d.symbol());
            out.put("bestBid", d.bestBid());
            out.put("bestAsk", d.bestAsk());
            out.put("bids", d.bids());
            out.put("asks", d.asks());
            send(symbol, "depth", out);
        }
    }

    private void send(final String symbol, final String event, final Object data)
    {
        final Set<SseClient> set = clients.get(symbol);
        if (set == null || set.isEmpty())
        {
            return;
        }
        final String json = HttpApi.toJson(data);
        for (final SseClient client : set)
        {
            if (client.terminated())
            {
                set.remove(client);
            }
            else
            {
                client.sendEvent(event, json);
            }
        }
    }

    @Override
    public void close()
    {
        running = false;
        thread.interrupt();
    }
}
