package engine.server;

import static engine.server.LiveEngineTest.fund;
import static engine.server.LiveEngineTest.trade;
import static org.assertj.core.api.Assertions.assertThat;

import engine.api.AsciiName;
import engine.app.EngineConfig;
import engine.book.Order;
import engine.core.WaitStrategyType;
import engine.journal.JournalDirectory;
import engine.journal.Recovery;
import engine.book.Instrument;
import engine.logic.StateVisitor;
import engine.readmodel.AccountView;
import engine.readmodel.EventStoreReader;
import engine.readmodel.ReadModels;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal is the source of truth for the read side: whatever a crash kept from the event
 * store, or however old or foreign the store is, the engine regenerates it at start, and read
 * models built from it (in the engine, or by {@code project}) equal the replay of the journal.
 */
class EventStoreCatchUpTest
{
    private static final PrintStream QUIET = new PrintStream(new ByteArrayOutputStream());

    @TempDir
    Path dir;

    private LiveEngine start(final ReadModels models, final PrintStream log)
    {
        final LiveEngine.Builder builder = LiveEngine.builder(dir).snapshotEvery(0).log(log)
            .config(EngineConfig.live().toBuilder().waitStrategy(WaitStrategyType.SLEEPING).build());
        if (models != null)
        {
            builder.onEventStoreReady(events -> EventStoreReader.readAll(events, models::accept));
            models.handlers().forEach(builder::outputHandler);
        }
        return builder.start();
    }

    @Test
    void shouldRegenerateTheEventsOfCommandsJournaledBeforeACrashStoppedTheEventStore() throws Exception
    {
        final Path events = dir.resolve(EventStoreCatchUp.EVENTS_DIR);
        final Path early = dir.resolve("events-at-105");
        try (LiveEngine live = start(null, QUIET))
        {
            fund(live);
            trade(live, 100, 1);
        }
        copy(events, early);
        try (LiveEngine live = start(null, QUIET))
        {
            trade(live, 150, 1_000);
        }
        // As after kill -9 between the journal write and the event-store write: the store ends early.
        delete(events);
        Files.move(early, events);
        assertThat(storedSeq(events)).isEqualTo(105);

        final ReadModels models = new ReadModels(EngineConfig.live().timeUnitNanos());
        final ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (LiveEngine live = start(models, new PrintStream(log, true)))
        {
            assertThat(live.recovered().lastSeq()).isEqualTo(255);
            assertThat(models.appliedSeq()).as("the read models start level with the journal").isEqualTo(255);
            assertThat(balances(models)).isEqualTo(truth().balances);
            assertThat(openOrders(models)).isEqualTo(truth().openOrders);
        }
        assertThat(log.toString()).contains("regenerated seqs 106 to 255");
        assertThat(storedSeq(events)).isEqualTo(255);
        final ReadModels projected = projected(events);
        assertThat(balances(projected)).as("what project reads").isEqualTo(truth().balances);
        assertThat(openOrders(projected)).isEqualTo(truth().openOrders);
    }

    @Test
    void shouldRegenerateAStoreOfAnOlderFormatWholeKeepingTheOldOneAside() throws Exception
    {
        try (LiveEngine live = start(null, QUIET))
        {
            fund(live);
            trade(live, 60, 1);
        }
        final Path events = dir.resolve(EventStoreCatchUp.EVENTS_DIR);
        Files.delete(events.resolve("event-store.properties")); // how a store of the format without identities looks
        final ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (LiveEngine live = start(null, new PrintStream(log, true)))
        {
            assertThat(live.recovered().lastSeq()).isEqualTo(65);
        }
        assertThat(log.toString()).contains("older format").contains("regenerated seqs 1 to 65");
        try (Stream<Path> siblings = Files.list(dir))
        {
            assertThat(siblings.map(p -> p.getFileName().toString())).anyMatch(name -> name.startsWith("events.old-"));
        }
        assertThat(balances(projected(events))).isEqualTo(truth().balances);
    }

    @Test
    void shouldRebuildTheStoreForTheOperatorToTheSameEvents() throws Exception
    {
        try (LiveEngine live = start(null, QUIET))
        {
            fund(live);
            trade(live, 80, 1);
        }
        final Path events = dir.resolve(EventStoreCatchUp.EVENTS_DIR);
        final Map<Long, List<String>> before = balances(projected(events));
        final EventStoreCatchUp.Result result = EventStoreCatchUp.rebuild(JournalDirectory.of(dir), 85,
            Recovery.Options.defaults(QUIET));

        assertThat(result.regenerated()).isEqualTo(85);
        assertThat(balances(projected(events))).isEqualTo(before).isEqualTo(truth().balances);
    }

    private static ReadModels projected(final Path events)
    {
        final ReadModels models = new ReadModels(EngineConfig.live().timeUnitNanos());
        EventStoreReader.readAll(events, models::accept);
        return models;
    }

    private static long storedSeq(final Path events)
    {
        try (EventStoreReader reader = new EventStoreReader(events))
        {
            return reader.lastStoredSeq();
        }
    }

    /** The state of a clean replay of the whole journal, in the shapes the read models answer with. */
    private record Truth(Map<Long, List<String>> balances, Map<Long, List<String>> openOrders)
    {
    }

    private Truth truth()
    {
        final Truth truth = new Truth(new TreeMap<>(), new TreeMap<>());
        Recovery.recover(JournalDirectory.of(dir), Recovery.Options.defaults(QUIET).snapshots(false)).logic()
            .visit(new StateVisitor()
            {
                @Override
                public void restingOrder(final Instrument instrument, final Order order)
                {
                    truth.openOrders.computeIfAbsent(order.account(), k -> new ArrayList<>()).add(order.orderId() + " " +
                        AsciiName.toString(instrument.symbolHi(), instrument.symbolLo()) + " " + order.price() + " " +
                        order.openQty());
                }

                @Override
                public void balance(final long account, final long assetHi, final long assetLo, final long available,
                    final long reserved)
                {
                    truth.balances.computeIfAbsent(account, k -> new ArrayList<>())
                        .add(AsciiName.toString(assetHi, assetLo) + " " + available + "/" + reserved);
                }
            });
        truth.openOrders.values().forEach(list -> list.sort(null));
        truth.balances.values().forEach(list -> list.sort(null));
        return truth;
    }

    private static Map<Long, List<String>> balances(final ReadModels models)
    {
        final Map<Long, List<String>> out = new TreeMap<>();
        models.accounts().allBalances().value().forEach((account, list) ->
        {
            for (final AccountView.Balance b : list)
            {
                out.computeIfAbsent(account, k -> new ArrayList<>()).add(b.asset() + " " + b.available() + "/" + b.reserved());
            }
        });
        out.values().forEach(list -> list.sort(null));
        return out;
    }

    private static Map<Long, List<String>> openOrders(final ReadModels models)
    {
        final Map<Long, List<String>> out = new TreeMap<>();
        for (final long account : new long[] {1, 2})
        {
            final List<String> list = new ArrayList<>();
            for (final AccountView.OpenOrder o : models.accounts().openOrders(account).value())
            {
                list.add(o.orderId() + " " + o.symbol() + " " + o.price() + " " + o.openQty());
            }
            if (!list.isEmpty())
            {
                list.sort(null);
                out.put(account, list);
            }
        }
        return out;
    }

    private static void copy(final Path from, final Path to) throws IOException
    {
        try (Stream<Path> files = Files.walk(from))
        {
            for (final Path file : (Iterable<Path>)files::iterator)
            {
                Files.copy(file, to.resolve(from.relativize(file).toString()));
            }
        }
    }

    private static void delete(final Path root) throws IOException
    {
        try (Stream<Path> files = Files.walk(root))
        {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(file ->
            {
                try
                {
                    Files.delete(file);
                }
                catch (final IOException e)
                {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
