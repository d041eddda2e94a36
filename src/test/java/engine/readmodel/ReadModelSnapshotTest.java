package engine.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import engine.api.EventType;
import engine.api.Reason;
import engine.api.SelfTradePrevention;
import engine.api.Side;
import engine.core.EventBatch;
import engine.io.AtomicFile;
import engine.reference.RandomCommandFiles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Read models restored from a snapshot and fed the rest of a seeded random stream answer every
 * query exactly like models fed the whole stream; damaged snapshots are reported and skipped.
 */
class ReadModelSnapshotTest
{
    private static final long TIME_UNIT = 1_000_000L;
    private static final int COMMANDS = 3_000;

    @ParameterizedTest
    @EnumSource(SelfTradePrevention.class)
    void restoredModelsFedTheTailAnswerLikeModelsFedTheWholeStream(final SelfTradePrevention stp,
        @TempDir final Path dir) throws Exception
    {
        for (long seed = 1; seed <= 3; seed++)
        {
            final List<String> lines = RandomCommandFiles.generate(seed * 104_729 + stp.ordinal(), COMMANDS);
            final Keys keys = new Keys();
            final ReadModels full = new ReadModels(TIME_UNIT);
            final EngineReplay replay = new EngineReplay(stp);
            ReadModels head = new ReadModels(TIME_UNIT);
            final ReadModelSnapshots store = new ReadModelSnapshots(dir.resolve("s" + stp + seed), m -> { }, 3);
            final int cut = lines.size() * (int)seed / 4;
            ReadModels restored = null;
            for (int i = 0; i < lines.size(); i++)
            {
                if (i == cut)
                {
                    final ReadModelSnapshots.Snapshot snapshot = ReadModelSnapshots.capture(head);
                    store.write(snapshot);
                    final ReadModelSnapshots.Restored r = store.restoreNewest(TIME_UNIT).orElseThrow();
                    assertThat(r.seq()).isEqualTo(head.appliedSeq());
                    restored = r.models();
                    // At the cut the restored models already answer like the originals.
                    assertThat(answers(restored, keys)).isEqualTo(answers(head, keys));
                    head = null;
                }
                final ReadModels tail = restored;
                final ReadModels before = head;
                replay.apply(lines.get(i), b ->
                {
                    keys.collect(b);
                    full.accept(b);
                    (tail != null ? tail : before).accept(b);
                });
            }
            assertThat(restored.appliedSeq()).isEqualTo(full.appliedSeq());
            final List<String> expected = answers(full, keys);
            assertThat(expected.size()).isGreaterThan(COMMANDS);
            assertThat(answers(restored, keys)).as("stp " + stp + " seed " + seed).isEqualTo(expected);
        }
    }

    @Test
    void shouldStartFromASnapshotAndSkipTheStoredCommandsItCovers(@TempDir final Path dir) throws Exception
    {
        final Path events = dir.resolve("events");
        final List<String> lines = RandomCommandFiles.generate(77, COMMANDS);
        final Keys keys = new Keys();
        final EventStoreWriter writer = new EventStoreWriter(events);
        final EngineReplay replay = new EngineReplay(SelfTradePrevention.values()[0]);
        replay.run(lines, b ->
        {
            keys.collect(b);
            writer.onEvent(b, 0, true);
        });
        writer.close();

        final ReadModels full = new ReadModels(TIME_UNIT);
        try (EventStoreReader reader = new EventStoreReader(events))
        {
            while (reader.poll(full::accept, 4096) > 0)
            {
            }
        }
        // A projection that snapshots every 700 commands, stopped part way.
        final ReadModelSnapshots store = new ReadModelSnapshots(events.resolve(ReadModelSnapshots.DIR_NAME), m -> { }, 2);
        final ReadModels first = new ReadModels(TIME_UNIT);
        try (EventStoreReader reader = new EventStoreReader(events))
        {
            for (int i = 0; i < 3; i++)
            {
                assertThat(reader.poll(first::accept, 700)).isEqualTo(700);
                store.write(ReadModelSnapshots.capture(first));
            }
        }
        assertThat(store.list()).hasSize(2);
        final ReadModelSnapshots.Restored restored = store.restoreNewest(TIME_UNIT).orElseThrow();
        assertThat(restored.seq()).isEqualTo(first.appliedSeq());
        final List<Long> fedSeqs = new ArrayList<>();
        try (EventStoreReader reader = new EventStoreReader(events))
        {
            reader.skipThrough(restored.seq());
            while (reader.poll(b ->
            {
                fedSeqs.add(b.seq());
                restored.models().accept(b);
            }, 4096) > 0)
            {
            }
        }
        assertThat(fedSeqs.get(0)).isEqualTo(restored.seq() + 1);
        assertThat(fedSeqs.get(fedSeqs.size() - 1)).isEqualTo(full.appliedSeq());
        assertThat(answers(restored.models(), keys)).isEqualTo(answers(full, keys));
    }

    @Test
    void shouldReportACorruptSnapshotAndUseAnOlderOne(@TempDir final Path dir) throws Exception
    {
        final List<String> lines = RandomCommandFiles.generate(5, 2_000);
        final Keys keys = new Keys();
        final ReadModels full = new ReadModels(TIME_UNIT);
        final ReadModels head = new ReadModels(TIME_UNIT);
        final List<String> reports = new ArrayList<>();
        final ReadModelSnapshots store = new ReadModelSnapshots(dir, reports::add, 5);
        final EngineReplay replay = new EngineReplay(SelfTradePrevention.values()[0]);
        for (int i = 0; i < 1_000; i++)
        {
            replay.apply(lines.get(i), b ->
            {
                keys.collect(b);
                full.accept(b);
                head.accept(b);
            });
            if (i == 499 || i == 999)
            {
                store.write(ReadModelSnapshots.capture(head));
            }
        }
        final List<Path> files = store.list();
        assertThat(files).hasSize(2);
        final Path newest = files.get(0);
        final byte[] bytes = Files.readAllBytes(newest);
        bytes[bytes.length / 2] ^= 0x40;
        Files.write(newest, bytes);

        final ReadModelSnapshots.Restored restored = store.restoreNewest(TIME_UNIT).orElseThrow();
        assertThat(restored.file()).isEqualTo(files.get(1));
        assertThat(reports).hasSize(1);
        assertThat(reports.get(0)).contains(newest.toString()).contains("checksum");

        // The older snapshot plus the tail from there still agrees with the whole stream.
        final List<String> tail = new ArrayList<>(lines.subList(1_000, lines.size()));
        replay.run(tail, b ->
        {
            keys.collect(b);
            full.accept(b);
        });
        final ReadModels models = restored.models();
        final EngineReplay again = new EngineReplay(SelfTradePrevention.values()[0]);
        again.run(lines, b -> models.accept(b));
        assertThat(answers(models, keys)).isEqualTo(answers(full, keys));
    }

    @Test
    void shouldReportEveryInvalidSnapshotAndFallBackToAFullReplay(@TempDir final Path dir) throws Exception
    {
        final List<String> reports = new ArrayList<>();
        final ReadModelSnapshots store = new ReadModelSnapshots(dir, reports::add, 5);
        final ReadModels models = new ReadModels(TIME_UNIT);
        final EngineReplay replay = new EngineReplay(SelfTradePrevention.values()[0]);
        final List<String> lines = RandomCommandFiles.generate(9, 600);
        for (int i = 0; i < 600; i++)
        {
            replay.apply(lines.get(i), models::accept);
            if (i % 200 == 199)
            {
                store.write(ReadModelSnapshots.capture(models));
            }
        }
        final List<Path> files = store.list();
        assertThat(files).hasSize(3);
        // Newest: a future format version (checksum recomputed, so only the version is wrong).
        final byte[] future = Files.readAllBytes(files.get(0));
        ByteBuffer.wrap(future).putInt(4, ReadModelSnapshots.VERSION + 1);
        ByteBuffer.wrap(future).putInt(future.length - 4, AtomicFile.crc32c(future, 0, future.length - 4));
        Files.write(files.get(0), future);
        // Middle: truncated (a torn write that somehow got renamed).
        final byte[] middle = Files.readAllBytes(files.get(1));
        Files.write(files.get(1), java.util.Arrays.copyOf(middle, middle.length / 3));
        // Oldest: valid, but restored below with another time unit its candle widths do not fit.
        final ReadModelSnapshots.Restored other = new ReadModelSnapshots(dir, reports::add, 5)
            .restoreNewest(TIME_UNIT).orElseThrow();
        assertThat(reports).hasSize(2);
        reports.clear();

        final Optional<ReadModelSnapshots.Restored> none = store.restoreNewest(1L);
        assertThat(none).isEmpty();
        assertThat(reports).hasSize(3);
        assertThat(reports.get(0)).contains(files.get(0).toString()).contains("version");
        assertThat(reports.get(1)).contains(files.get(1).toString());
        assertThat(reports.get(2)).contains(files.get(2).toString()).contains("candle width");
        assertThat(other.file()).isEqualTo(files.get(2));
        // No temporary files are left behind by successful writes.
        try (var list = Files.list(dir))
        {
            assertThat(list.filter(p -> p.toString().endsWith(".tmp")).count()).isZero();
        }
    }

    @Test
    void aSnapshotOfFormat3IsReportedNamingTheFileAndTheProjectionReplaysInstead(@TempDir final Path dir)
        throws Exception
    {
        // Written by the build before format 4 (CRC32 trailer, enums as ordinals): 7 commands, a
        // trade, an IOC remainder and a rejection.
        final Path file = dir.resolve("readmodels-00000000000000000007.snap");
        try (var in = ReadModelSnapshotTest.class.getResourceAsStream("/formats/readmodels-v3.snap"))
        {
            Files.copy(in, file);
        }
        assertThat(ByteBuffer.wrap(Files.readAllBytes(file)).getInt(4)).isEqualTo(3);
        final List<String> reports = new ArrayList<>();
        final ReadModelSnapshots store = new ReadModelSnapshots(dir, reports::add, 3);
        assertThat(store.list()).containsExactly(file);

        assertThat(store.restoreNewest(TIME_UNIT)).isEmpty();
        assertThat(reports).hasSize(1);
        assertThat(reports.get(0)).contains(file.toString()).contains("format version 3")
            .contains("this build reads " + ReadModelSnapshots.VERSION).contains("replaying the event store");
    }

    @Test
    void aSnapshotOfFormat4IsReportedNamingTheFileAndTheProjectionReplaysInstead(@TempDir final Path dir)
        throws Exception
    {
        // Written by the build before format 5 (five models, no withdrawal sagas): 7 commands, a trade,
        // an IOC remainder, a rejection and a withdrawal request in flight.
        final Path file = dir.resolve("readmodels-00000000000000000007.snap");
        try (var in = ReadModelSnapshotTest.class.getResourceAsStream("/formats/readmodels-v4.snap"))
        {
            Files.copy(in, file);
        }
        final byte[] bytes = Files.readAllBytes(file);
        assertThat(ByteBuffer.wrap(bytes).getInt(4)).isEqualTo(4);
        assertThat(AtomicFile.crc32c(bytes, 0, bytes.length - 4)).as("an intact file: only its version is old")
            .isEqualTo(ByteBuffer.wrap(bytes).getInt(bytes.length - 4));
        final List<String> reports = new ArrayList<>();
        final ReadModelSnapshots store = new ReadModelSnapshots(dir, reports::add, 3);

        assertThat(store.restoreNewest(TIME_UNIT)).isEmpty();
        assertThat(reports).hasSize(1);
        assertThat(reports.get(0)).contains(file.toString()).contains("format version 4")
            .contains("this build reads " + ReadModelSnapshots.VERSION).contains("replaying the event store");

        // What the projection does then: replays the event store from the start, and the saga is there.
        final ReadModels models = new ReadModels(TIME_UNIT);
        new EngineReplay(SelfTradePrevention.NONE).run(List.of("DEPOSIT,1,1,USD,1000", "WITHDRAW_REQUEST,7,1,USD,500,100,3"),
            models::accept);
        assertThat(models.withdrawals().status(2).value().state()).isEqualTo(WithdrawalView.State.PENDING);
    }

    @Test
    void aSnapshotHoldingAnUnknownEnumCodeIsRefusedNamingTheEnumAndTheCode() throws Exception
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes))
        {
            SnapshotIO.writeCode(out, Side.SELL);
            SnapshotIO.writeCode(out, null);
            out.writeInt(7);
            out.writeInt(Reason.INTERNAL_ERROR.code() + 1);
        }
        final DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
        assertThat(SnapshotIO.readCode(in, Side.class, Side::fromCode)).isEqualTo(Side.SELL);
        assertThat(SnapshotIO.readCode(in, Side.class, Side::fromCode)).isNull();
        assertThatThrownBy(() -> SnapshotIO.readCode(in, Side.class, Side::fromCode))
            .isInstanceOf(IOException.class).hasMessage("unknown Side code 7");
        assertThatThrownBy(() -> SnapshotIO.readCode(in, Reason.class, Reason::fromCode))
            .isInstanceOf(IOException.class).hasMessage("unknown Reason code 91");
    }

    /** The symbols, accounts and order ids a stream mentions, to ask about. */
    private static final class Keys
    {
        final TreeSet<String> symbols = new TreeSet<>();
        final TreeSet<Long> accounts = new TreeSet<>();
        final TreeSet<Long> orderIds = new TreeSet<>();
        long lastSeq;

        void collect(final EventBatch b)
        {
            lastSeq = b.seq();
            for (int i = 0; i < b.count(); i++)
            {
                final EventType type = b.type(i);
                switch (type)
                {
                    case SYMBOL_ADDED -> symbols.add(new Name(b.nameHi(i), b.nameLo(i)).toString());
                    case DEPOSITED, WITHDRAWN -> accounts.add(b.account(i));
                    case ACCEPTED, CANCELED, AMENDED ->
                    {
                        accounts.add(b.account(i));
                        orderIds.add(b.orderId(i));
                    }
                    case REJECTED ->
                    {
                        if (b.hasOrderId(i))
                        {
                            orderIds.add(b.orderId(i));
                        }
                    }
                    case TRADE ->
                    {
                        orderIds.add(b.orderId(i));
                        orderIds.add(b.makerOrderId(i));
                    }
                    default ->
                    {
                    }
                }
            }
        }
    }

    /** Every query's answer (records, with asOfSeq) in a fixed order. */
    private static List<String> answers(final ReadModels m, final Keys keys)
    {
        final List<String> out = new ArrayList<>();
        out.add("appliedSeq " + m.appliedSeq());
        for (final String symbol : keys.symbols)
        {
            out.add(symbol + " " + m.depth().hasSymbol(symbol));
            out.add(m.depth().depth(symbol, Integer.MAX_VALUE).toString());
            out.add(m.trades().trades(symbol, Integer.MAX_VALUE).toString());
            for (final TradeView.Interval interval : TradeView.Interval.values())
            {
                out.add(m.trades().candles(symbol, interval, Integer.MAX_VALUE).toString());
            }
        }
        out.add(m.depth().depth("NOSUCH", 10).toString());
        out.add(m.accounts().allBalances().toString());
        for (final long account : keys.accounts)
        {
            out.add(m.accounts().balances(account).toString());
            out.add(m.accounts().openOrders(account).toString());
            out.add(m.commands().commands(account, Long.MIN_VALUE, Long.MAX_VALUE, Integer.MAX_VALUE).toString());
        }
        for (final long orderId : keys.orderIds)
        {
            out.add(m.orders().status(orderId).toString());
        }
        for (long seq = 0; seq <= keys.lastSeq + 1; seq++)
        {
            out.add(m.commands().command(seq).toString());
        }
        return out;
    }
}
