package engine.journal;

import static engine.journal.JournalFixture.QUIET;
import static org.assertj.core.api.Assertions.assertThat;

import engine.api.AsciiName;
import engine.api.Command;
import engine.api.SelfTradePrevention;
import engine.core.EventBatch;
import engine.format.CommandFileWriter;
import engine.io.AtomicFile;
import engine.logic.BusinessLogic;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Withdrawal sagas and deposit notifications survive the journal, snapshots and recovery unchanged. */
class SagaJournalTest
{
    private static final String FILE = String.join("\n",
        "SYMBOL,0,BTC-USD,BTC,USD,1,1",
        "DEPOSIT,0,1,USD,1000",
        "DEPOSIT_NOTIFY,1,2,USD,500,9001",
        "WITHDRAW_REQUEST,2,1,USD,300,50,3",
        "WITHDRAW_REQUEST,3,2,USD,100,10,1",
        "DEPOSIT_NOTIFY,4,2,USD,500,9001",
        "TICK,60",
        "WITHDRAW_FAIL,61,4,1",
        "WITHDRAW_CONFIRM,70,4,2",
        "WITHDRAW_REQUEST,80,2,USD,400,5,2",
        "WITHDRAW_FAIL,81,10,1",
        "WITHDRAW_FAIL,90,5,1") + "\n";

    @TempDir
    Path dir;

    @Test
    void shouldReadBackAsACommandFileThatGivesTheSameEvents()
    {
        final String original = JournalFixture.run(FILE, dir, Durability.ASYNC);
        final StringBuilder cat = new StringBuilder();
        try (JournalReader reader = JournalReader.open(JournalDirectory.of(dir)))
        {
            reader.readAll(Long.MAX_VALUE, false, QUIET, (command, index) -> cat.append(CommandFileWriter.line(command)).append('\n'));
        }

        assertThat(cat.toString()).isEqualTo(FILE);
        assertThat(original).contains("8,REJECTED,,STALE_ATTEMPT", "9,WITHDRAW_CONFIRMED,4,1,USD,300,2",
            "6,REJECTED,,DUPLICATE_TRANSFER", "7,WITHDRAW_CANCELLING,5,2,USD,100,1", "12,WITHDRAW_TIMED_OUT,5,2,USD,100,1");
    }

    @Test
    void shouldCarrySagasInFlightAndCreditedTransfersThroughASnapshot()
    {
        final String run = JournalFixture.run(FILE, dir, Durability.ASYNC);
        final JournalDirectory journal = JournalDirectory.of(dir);
        final Recovery.Recovered atFive = Recovery.recover(journal, Recovery.Options.defaults(QUIET).until(5));
        assertThat(atFive.logic().withdrawalsInFlight()).isEqualTo(2);
        new SnapshotStore(journal).write(SnapshotStore.capture(atFive.logic(), atFive.lastIndex()));

        final Recovery.Recovered fromSnapshot = Recovery.recover(journal, Recovery.Options.defaults(QUIET));
        final Recovery.Recovered clean = Recovery.recover(journal, Recovery.Options.defaults(QUIET).snapshots(false));

        assertThat(fromSnapshot.snapshotSeq()).isEqualTo(5);
        assertThat(fromSnapshot.logic().stateHash()).isEqualTo(clean.logic().stateHash());
        assertThat(JournalFixture.hashLine(clean.logic().stateHash())).isEqualTo(JournalFixture.stateHashLine(run));
        final SnapshotStore store = new SnapshotStore(journal);
        final SnapshotStore.Loaded loaded = store.load(store.list().get(0), atFive.logic().selfTradePrevention(), 16, 16);
        assertThat(loaded.logic().stateHash()).as("sagas and transfer ids are part of the hash").isEqualTo(atFive.logic().stateHash());
        assertThat(loaded.logic().withdrawalsInFlight()).isEqualTo(2);
        assertThat(loaded.logic().nextDueTime()).isEqualTo(13);
    }

    @Test
    void shouldCarryACancellingSagaThroughASnapshotWithoutADeadline()
    {
        final String run = JournalFixture.run(FILE, dir, Durability.ASYNC);
        final JournalDirectory journal = JournalDirectory.of(dir);
        // After the TICK at 60 (seq 7): saga 5 is cancelling, saga 4 on its second attempt, due at 160.
        final Recovery.Recovered atEight = Recovery.recover(journal, Recovery.Options.defaults(QUIET).until(8));
        assertThat(atEight.logic().withdrawalsInFlight()).isEqualTo(2);
        assertThat(atEight.logic().nextDueTime()).as("a cancelling saga is never due").isEqualTo(160);
        new SnapshotStore(journal).write(SnapshotStore.capture(atEight.logic(), atEight.lastIndex()));

        final SnapshotStore store = new SnapshotStore(journal);
        final SnapshotStore.Loaded loaded = store.load(store.list().get(0), atEight.logic().selfTradePrevention(), 16, 16);
        assertThat(loaded.logic().stateHash()).as("the cancelling state is in the hash").isEqualTo(atEight.logic().stateHash());
        assertThat(loaded.logic().nextDueTime()).isEqualTo(160);
        final Recovery.Recovered fromSnapshot = Recovery.recover(journal, Recovery.Options.defaults(QUIET));
        assertThat(fromSnapshot.snapshotSeq()).isEqualTo(8);
        assertThat(JournalFixture.hashLine(fromSnapshot.logic().stateHash())).isEqualTo(JournalFixture.stateHashLine(run));
        assertThat(fromSnapshot.logic().withdrawalsInFlight()).isZero();
    }

    /** Version 3 had no cancelling state and no state byte after a saga's deadline: its sagas restore as pending. */
    @Test
    void shouldReadAVersion3SnapshotWhoseSagasArePending()
    {
        final ByteBuffer file = ByteBuffer.allocate(SnapshotFormat.HEADER + 1 + 8 + 1 + 5 * 8 + 1 + 6 * 8 + 2 * 4 + 8 + 1)
            .order(ByteOrder.LITTLE_ENDIAN);
        file.position(SnapshotFormat.HEADER);
        file.put((byte)'A').putLong(1);
        file.put((byte)'B').putLong(1).putLong(AsciiName.hi("USD")).putLong(AsciiName.lo("USD")).putLong(700).putLong(0);
        file.put((byte)'W').putLong(3).putLong(1).putLong(AsciiName.hi("USD")).putLong(AsciiName.lo("USD")).putLong(300)
            .putLong(50).putInt(1).putInt(3).putLong(60);
        file.put((byte)'E');
        final byte[] bytes = file.array();
        file.putLong(0, SnapshotFormat.MAGIC).putInt(8, 3).putInt(12, SelfTradePrevention.NONE.code()).putLong(16, 3)
            .putLong(24, 10).putLong(32, 3).putLong(40, bytes.length - SnapshotFormat.HEADER);
        file.putInt(56, AtomicFile.crc32c(bytes, SnapshotFormat.HEADER, bytes.length - SnapshotFormat.HEADER));
        file.putInt(60, AtomicFile.crc32c(bytes, 0, 60));

        SnapshotFormat.check("v3", bytes);
        final BusinessLogic logic = new BusinessLogic(SelfTradePrevention.NONE);
        SnapshotFormat.restore("v3", bytes, logic);
        assertThat(logic.withdrawalsInFlight()).isEqualTo(1);
        assertThat(logic.nextDueTime()).as("pending: due at its deadline").isEqualTo(60);
        // The same state reached by commands hashes alike: a pending saga's hash did not change with the new state.
        final BusinessLogic byCommands = new BusinessLogic(SelfTradePrevention.NONE);
        final EventBatch events = new EventBatch();
        for (final Command c : new Command[] {
            new Command().deposit(0, 1, AsciiName.hi("USD"), AsciiName.lo("USD"), 1000).seq(2),
            new Command().withdrawRequest(10, 1, AsciiName.hi("USD"), AsciiName.lo("USD"), 300, 50, 3).seq(3)})
        {
            events.begin(c, null);
            byCommands.apply(c, events);
        }
        assertThat(logic.stateHash()).isEqualTo(byCommands.stateHash());
    }
}
