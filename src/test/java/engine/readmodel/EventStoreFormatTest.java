package engine.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import engine.api.CommandType;
import engine.api.EventType;
import engine.api.Side;
import engine.api.SelfTradePrevention;
import engine.core.EventBatch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The event store's excerpt layout (format 2) holds enum codes, pinned here byte for byte; a store
 * of a future format, or an excerpt holding a code no constant has, is refused naming the store.
 */
class EventStoreFormatTest
{
    private static final List<String> TRADE = List.of(
        "SYMBOL,0,BTC,BTC,USD",
        "DEPOSIT,0,1,USD,1000000",
        "DEPOSIT,0,2,BTC,1000",
        "PLACE,0,1,1,BTC,BUY,LIMIT,GTC,100,5",
        "PLACE,0,2,2,BTC,SELL,LIMIT,IOC,100,2");

    @Test
    void storedExcerptsHoldTheStableCodes(@TempDir final Path dir)
    {
        write(dir, TRADE);
        try (ChronicleQueue queue = SingleChronicleQueueBuilder.binary(dir).build())
        {
            final ExcerptTailer tailer = queue.createTailer();
            for (int i = 0; i < 4; i++)
            {
                try (DocumentContext dc = tailer.readingDocument())
                {
                    assertThat(dc.isPresent()).isTrue();
                }
            }
            try (DocumentContext dc = tailer.readingDocument())
            {
                final Bytes<?> bytes = dc.wire().bytes();
                assertThat(bytes.readLong()).as("seq").isEqualTo(5);
                bytes.readLong();
                assertThat(bytes.readInt()).as("command type PLACE").isEqualTo(3);
                assertThat(bytes.readInt()).as("events: accepted, trade").isEqualTo(2);
                bytes.readSkip(8 + 8 + 4 + 8 + 8 + 8);
                final long accepted = bytes.readLong();
                assertThat(accepted & 0xFF).as("ACCEPTED").isEqualTo(0);
                assertThat(accepted >>> 8 & 0xFF).as("side SELL").isEqualTo(1);
                assertThat(accepted >>> 32 & 0xFF).as("order type LIMIT").isEqualTo(0);
                assertThat(accepted >>> 40 & 0xFF).as("time in force IOC").isEqualTo(1);
                bytes.readSkip(8L * (EventBatch.recordWords() - 1));
                final long trade = bytes.readLong();
                assertThat(trade & 0xFF).as("TRADE").isEqualTo(2);
                assertThat(trade >>> 8 & 0xFF).as("taker side SELL").isEqualTo(1);
            }
        }
        final List<String> read = new ArrayList<>();
        EventStoreReader.readAll(dir, b ->
        {
            for (int i = 0; i < b.count(); i++)
            {
                read.add(b.commandType() + ":" + b.type(i) + (b.type(i) == EventType.TRADE ? ":" + b.side(i) : ""));
            }
        });
        assertThat(read).containsExactly("SYMBOL:SYMBOL_ADDED", "DEPOSIT:DEPOSITED", "DEPOSIT:DEPOSITED",
            "PLACE:ACCEPTED", "PLACE:ACCEPTED", "PLACE:TRADE:" + Side.SELL);
    }

    @Test
    void aStoreOfAFutureFormatIsRefusedNamingIt(@TempDir final Path dir) throws Exception
    {
        write(dir, TRADE);
        Files.writeString(dir.resolve(EventStoreFormat.FILE_NAME), "format=3\n");
        assertThat(EventStoreFormat.isCurrent(dir)).isFalse();
        assertThatThrownBy(() -> new EventStoreReader(dir))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining(dir.toString()).hasMessageContaining("has format 3")
            .hasMessageContaining("reads and writes format " + EventStoreFormat.FORMAT);
        final EventStoreWriter writer = new EventStoreWriter(dir);
        assertThatThrownBy(writer::onStart).isInstanceOf(IllegalStateException.class).hasMessageContaining("has format 3");
    }

    @Test
    void anUnknownCommandTypeCodeFailsNamingTheStoreTheIndexAndTheCode(@TempDir final Path dir)
    {
        write(dir, TRADE.subList(0, 1));
        appendRaw(dir, 99, 0);
        assertThatThrownBy(() -> EventStoreReader.readAll(dir, b -> { }))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("event store " + dir).hasMessageContaining("excerpt index")
            .hasMessageContaining("unknown CommandType code 99");
    }

    @Test
    void anUnknownEventTypeCodeFailsWhereTheExcerptIsRead(@TempDir final Path dir)
    {
        write(dir, TRADE.subList(0, 1));
        appendRaw(dir, CommandType.TICK.code(), 77);
        assertThatThrownBy(() -> EventStoreReader.readAll(dir, b -> { }))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("event store " + dir).hasMessageContaining("unknown EventType code 77");
    }

    private static void write(final Path dir, final List<String> lines)
    {
        final EventStoreWriter writer = new EventStoreWriter(dir);
        final EngineReplay replay = new EngineReplay(SelfTradePrevention.NONE);
        replay.run(lines, b -> writer.onEvent(b, 0, true));
        writer.close();
    }

    /** Appends an excerpt in the format 2 layout with the given codes: one event when {@code eventCode > 0}. */
    private static void appendRaw(final Path dir, final int commandCode, final int eventCode)
    {
        try (ChronicleQueue queue = SingleChronicleQueueBuilder.binary(dir).build())
        {
            final ExcerptAppender appender = queue.createAppender();
            try (DocumentContext dc = appender.writingDocument())
            {
                final Bytes<?> bytes = dc.wire().bytes();
                bytes.writeLong(1_000);
                bytes.writeLong(0);
                bytes.writeInt(commandCode);
                bytes.writeInt(eventCode > 0 ? 1 : 0);
                bytes.writeLong(0);
                bytes.writeLong(0);
                bytes.writeInt(0);
                bytes.writeLong(0);
                bytes.writeLong(0);
                bytes.writeLong(0);
                if (eventCode > 0)
                {
                    bytes.writeLong(eventCode);
                    for (int w = 1; w < EventBatch.recordWords(); w++)
                    {
                        bytes.writeLong(0);
                    }
                }
            }
        }
    }
}
