package engine.journal;

import static engine.journal.JournalFixture.QUIET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import engine.api.Command;
import engine.core.EventBatch;
import engine.format.AsciiBuffer;
import engine.format.CanonicalFormat;
import engine.format.CommandFileWriter;
import engine.io.AtomicFile;
import engine.logic.BusinessLogic;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trade busts survive the journal (its audit trail: journal cat shows them as command lines) and recovery; the recent
 * trades they need survive a snapshot, so that a bust after a restart is answered as without one; a snapshot of a
 * format without recent trades is refused, saying why.
 */
class TradeBustJournalTest
{
    /** Trade (5, 0), 2 BTC for 200 USD; its bust at seq 6, refused busts at 7 (again) and 8 (no such trade). */
    private static final String TRADES = String.join("\n",
        "SYMBOL,0,BTC-USD,BTC,USD,1,1",
        "DEPOSIT,0,1,USD,1000",
        "DEPOSIT,0,2,BTC,10",
        "PLACE,1,2,20,BTC-USD,SELL,LIMIT,GTC,100,5",
        "PLACE,2,1,10,BTC-USD,BUY,LIMIT,IOC,100,2") + "\n";
    private static final String BUSTS = String.join("\n",
        "TRADE_BUST,3,5,0",
        "TRADE_BUST,4,5,0",
        "TRADE_BUST,5,9,0") + "\n";
    private static final String FILE = TRADES + BUSTS;

    @TempDir
    Path dir;

    @TempDir
    Path again;

    @Test
    void shouldReadBackAsACommandFileThatGivesTheSameOutput()
    {
        final String original = JournalFixture.run(FILE, dir, Durability.ASYNC);
        final String cat = cat(dir);

        assertThat(cat).isEqualTo(FILE);
        assertThat(JournalFixture.run(cat, again, Durability.ASYNC)).isEqualTo(original);
        assertThat(original).contains("6,TRADE_BUSTED,5,0,BTC-USD,100,2,1,2", "7,REJECTED,,DUPLICATE_BUST",
            "8,REJECTED,,UNKNOWN_TRADE", "BALANCE,1,USD,1000,0");
    }

    @Test
    void shouldReplayAJournalWithABustToTheSameStateHash()
    {
        final String run = JournalFixture.run(FILE, dir, Durability.ASYNC);
        final Recovery.Recovered recovered = Recovery.recover(JournalDirectory.of(dir),
            Recovery.Options.defaults(QUIET).snapshots(false));

        assertThat(JournalFixture.hashLine(recovered.logic().stateHash())).isEqualTo(JournalFixture.stateHashLine(run));
    }

    @Test
    void shouldKeepTheRecentTradesThroughASnapshot()
    {
        JournalFixture.run(TRADES, dir, Durability.ASYNC);
        final JournalDirectory journal = JournalDirectory.of(dir);
        final Recovery.Recovered full = Recovery.recover(journal, Recovery.Options.defaults(QUIET));
        final SnapshotStore store = new SnapshotStore(journal);
        store.write(SnapshotStore.capture(full.logic(), full.lastIndex()));

        final BusinessLogic restored = store.load(store.list().get(0), full.logic().selfTradePrevention(), 1 << 10, 1 << 8)
            .logic();

        assertThat(restored.recentTradeCount()).isEqualTo(1);
        assertThat(restored.stateHash()).isEqualTo(full.logic().stateHash());
        assertThat(bust(restored, 6, 5, 0)).isEqualTo("6,TRADE_BUSTED,5,0,BTC-USD,100,2,1,2");
        assertThat(bust(full.logic(), 6, 5, 0)).isEqualTo("6,TRADE_BUSTED,5,0,BTC-USD,100,2,1,2");
        assertThat(restored.stateHash()).isEqualTo(full.logic().stateHash());
        assertThat(bust(restored, 7, 5, 0)).isEqualTo("7,REJECTED,,DUPLICATE_BUST");
    }

    @Test
    void shouldKeepABustedMarkThroughASnapshot()
    {
        JournalFixture.run(FILE, dir, Durability.ASYNC);
        final JournalDirectory journal = JournalDirectory.of(dir);
        final Recovery.Recovered full = Recovery.recover(journal, Recovery.Options.defaults(QUIET));
        new SnapshotStore(journal).write(SnapshotStore.capture(full.logic(), full.lastIndex()));

        final Recovery.Recovered fromSnapshot = Recovery.recover(journal, Recovery.Options.defaults(QUIET));

        assertThat(fromSnapshot.snapshotSeq()).isEqualTo(8);
        assertThat(fromSnapshot.logic().stateHash()).isEqualTo(full.logic().stateHash());
        assertThat(bust(fromSnapshot.logic(), 9, 5, 0)).isEqualTo("9,REJECTED,,DUPLICATE_BUST");
    }

    @Test
    void shouldRefuseASnapshotOfFormatVersion2WhichHoldsNoRecentTrades() throws IOException
    {
        JournalFixture.run(TRADES, dir, Durability.ASYNC);
        final JournalDirectory journal = JournalDirectory.of(dir);
        final Recovery.Recovered full = Recovery.recover(journal, Recovery.Options.defaults(QUIET));
        final Path snapshot = new SnapshotStore(journal).write(SnapshotStore.capture(full.logic(), full.lastIndex()));
        final byte[] file = Files.readAllBytes(snapshot);
        final ByteBuffer header = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(8, 2);
        header.putInt(60, AtomicFile.crc32c(file, 0, 60)); // a good checksum: only the version is old
        Files.write(snapshot, file);

        assertThatThrownBy(() -> Recovery.recover(journal, Recovery.Options.defaults(QUIET)))
            .isInstanceOf(JournalException.class).hasMessageContaining(snapshot.toString())
            .hasMessageContaining("format version 2").hasMessageContaining("no recent trades");
        final Recovery.Recovered salvaged = Recovery.recover(journal, Recovery.Options.defaults(QUIET).salvage(true));
        assertThat(salvaged.snapshot()).as("the old snapshot is passed over for a full replay").isNull();
        assertThat(salvaged.logic().stateHash()).isEqualTo(full.logic().stateHash());
    }

    private static String bust(final BusinessLogic logic, final long seq, final long tradeSeq, final long tradeIndex)
    {
        final Command command = new Command().tradeBust(seq, tradeSeq, tradeIndex).seq(seq);
        final EventBatch events = new EventBatch();
        events.begin(command, null);
        logic.apply(command, events);
        final AsciiBuffer out = new AsciiBuffer(128);
        CanonicalFormat.appendLines(events, out);
        return out.toString().trim();
    }

    private static String cat(final Path journal)
    {
        final StringBuilder cat = new StringBuilder();
        try (JournalReader reader = JournalReader.open(JournalDirectory.of(journal)))
        {
            reader.readAll(Long.MAX_VALUE, false, QUIET, (command, index) -> cat.append(CommandFileWriter.line(command)).append('\n'));
        }
        return cat.toString();
    }
}
