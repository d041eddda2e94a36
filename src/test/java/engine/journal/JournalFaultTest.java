package engine.journal;

import static engine.journal.JournalFixture.QUIET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import engine.api.Command;
import engine.api.SelfTradePrevention;
import engine.core.CommandSlot;
import engine.io.AtomicFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Truncated and corrupted journals and snapshots: detected, named, never silently skipped. */
class JournalFaultTest
{
    private static final int COMMANDS = 3_000;
    private static final String FILE = JournalFixture.workload(COMMANDS, 11);

    @TempDir
    Path dir;
    private JournalDirectory journal;
    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    private final PrintStream log = new PrintStream(logBytes, true, StandardCharsets.UTF_8);

    @BeforeEach
    void journalAFile()
    {
        JournalFixture.run(FILE, dir, Durability.ASYNC);
        journal = JournalDirectory.of(dir);
    }

    private String log()
    {
        return logBytes.toString(StandardCharsets.UTF_8);
    }

    private long cleanHashUntil(final long seq)
    {
        return Recovery.recover(journal, Recovery.Options.defaults(QUIET).until(seq).snapshots(false)).logic().stateHash();
    }

    /** Appends {@code entry} unchecked, alone in a document, framed as the journal frames entries. */
    private void appendRaw(final byte[] entry)
    {
        try (SingleChronicleQueue queue = journal.openForWriting(Durability.ASYNC);
            ExcerptAppender appender = queue.createAppender())
        {
            try (DocumentContext dc = appender.writingDocument())
            {
                dc.wire().bytes().writeUnsignedByte(entry.length);
                dc.wire().bytes().write(entry);
            }
        }
    }

    @Test
    void shouldDropATornLastEntryWithAWarningNamingItsIndex()
    {
        final long cleanHash = cleanHashUntil(COMMANDS);
        appendRaw(new byte[] {1, 4, 9, 9, 9}); // half a PLACE: what a write cut short leaves
        final long tornIndex = JournalFixture.entryPositions(dir).get(COMMANDS).index();

        final Recovery.Recovered recovered = Recovery.recover(journal, Recovery.Options.defaults(log));

        assertThat(recovered.tornIndex()).isEqualTo(tornIndex);
        assertThat(recovered.lastSeq()).isEqualTo(COMMANDS);
        assertThat(recovered.logic().stateHash()).isEqualTo(cleanHash);
        assertThat(log()).contains("torn").contains(JournalReader.describeIndex(tornIndex));
    }

    @Test
    void shouldReportAWriteInterruptedBeforeItsHeaderWasPublished() throws IOException
    {
        final JournalFixture.EntryPosition last = JournalFixture.entryPositions(dir).get(COMMANDS - 1);
        final long header = (last.offset() + last.length() + 3) & ~3L;
        try (RandomAccessFile raf = new RandomAccessFile(last.file().toFile(), "rw"))
        {
            raf.seek(header + 4); // Chronicle writes the body first and the header last: a kill leaves this
            raf.write(new byte[] {1, 4, 7, 7, 7, 7, 7, 7, 7, 7});
        }

        final Recovery.Recovered recovered = Recovery.recover(journal, Recovery.Options.defaults(log));

        assertThat(recovered.lastSeq()).isEqualTo(COMMANDS);
        assertThat(recovered.tornIndex()).isEqualTo(last.index() + 1);
        assertThat(log()).contains("interrupted").contains(JournalReader.describeIndex(last.index() + 1));
    }

    @Test
    void shouldKeepReadingPastATornEntryOnceRecoveryHasVoidedIt()
    {
        appendRaw(new byte[] {1, 4, 9, 9, 9});
        final long tornIndex = Recovery.recover(journal, Recovery.Options.defaults(QUIET)).tornIndex();
        JournalRepair.voidTornEntry(journal, tornIndex, COMMANDS, QUIET);
        final JournalCodec codec = new JournalCodec();
        final int length = codec.encode(new engine.api.Command().tick(1_000_000).seq(COMMANDS + 1));
        appendRaw(java.util.Arrays.copyOf(codec.array(), length));

        final Recovery.Recovered recovered = Recovery.recover(journal, Recovery.Options.defaults(log));

        assertThat(recovered.lastSeq()).isEqualTo(COMMANDS + 1);
        assertThat(recovered.tornIndex()).isEqualTo(-1);
        assertThat(log()).contains("voided");
    }

    @Test
    void shouldRefuseACorruptEntryInTheMiddleNamingFileAndIndex()
    {
        final JournalFixture.EntryPosition victim = JournalFixture.entryPositions(dir).get(1_499);
        JournalFixture.flipByte(victim.file(), victim.offset() + 20);

        assertThatThrownBy(() -> Recovery.recover(journal, Recovery.Options.defaults(QUIET)))
            .isInstanceOf(JournalException.class)
            .hasMessageContaining(victim.file().toString())
            .hasMessageContaining(JournalReader.describeIndex(victim.index()))
            .hasMessageContaining("checksum");
    }

    @Test
    void shouldRecoverUpToTheLastGoodEntryWhenAskedTo()
    {
        final JournalFixture.EntryPosition victim = JournalFixture.entryPositions(dir).get(1_499);
        JournalFixture.flipByte(victim.file(), victim.offset() + 20);

        final Recovery.Recovered recovered = Recovery.recover(journal, Recovery.Options.defaults(log).salvage(true));

        assertThat(recovered.lastSeq()).isEqualTo(1_499);
        assertThat(recovered.corruption()).contains(JournalReader.describeIndex(victim.index()));
        assertThat(log()).contains("last good entry");
    }

    @Test
    void shouldCutACorruptJournalAtTheLastGoodEntryKeepingTheOriginal()
    {
        final long goodHash = cleanHashUntil(1_499);
        final JournalFixture.EntryPosition victim = JournalFixture.entryPositions(dir).get(1_499);
        JournalFixture.flipByte(victim.file(), victim.offset() + 20);

        final Path aside = JournalRepair.cutAtLastGood(journal, 1_499, QUIET);
        final Recovery.Recovered recovered = Recovery.recover(journal, Recovery.Options.defaults(QUIET));

        assertThat(recovered.lastSeq()).isEqualTo(1_499);
        assertThat(recovered.logic().stateHash()).isEqualTo(goodHash);
        assertThat(JournalDirectory.of(aside).hasJournal()).isTrue();
    }

    @Test
    void shouldRefuseASequenceGap()
    {
        final JournalCodec codec = new JournalCodec();
        final int length = codec.encode(new engine.api.Command().tick(1_000_000).seq(COMMANDS + 5));
        appendRaw(java.util.Arrays.copyOf(codec.array(), length));
        appendRaw(java.util.Arrays.copyOf(codec.array(), length));

        assertThatThrownBy(() -> Recovery.recover(journal, Recovery.Options.defaults(QUIET)))
            .isInstanceOf(JournalException.class).hasMessageContaining("seq " + (COMMANDS + 1) + " was expected");
    }

    private Path snapshotAt(final long seq)
    {
        final Recovery.Recovered state = Recovery.recover(journal, Recovery.Options.defaults(QUIET).until(seq));
        return new SnapshotStore(journal).write(SnapshotStore.capture(state.logic(), state.lastIndex()));
    }

    @Test
    void shouldRefuseATruncatedSnapshotNamingTheFile() throws IOException
    {
        final Path snapshot = snapshotAt(2_000);
        try (RandomAccessFile raf = new RandomAccessFile(snapshot.toFile(), "rw"))
        {
            raf.setLength(raf.length() / 2);
        }

        assertThatThrownBy(() -> Recovery.recover(journal, Recovery.Options.defaults(QUIET)))
            .isInstanceOf(JournalException.class).hasMessageContaining(snapshot.toString()).hasMessageContaining("truncated");
    }

    @Test
    void shouldRefuseASnapshotWithABadChecksum()
    {
        final Path snapshot = snapshotAt(2_000);
        JournalFixture.flipByte(snapshot, 200);

        assertThatThrownBy(() -> Recovery.recover(journal, Recovery.Options.defaults(QUIET)))
            .isInstanceOf(JournalException.class).hasMessageContaining(snapshot.toString()).hasMessageContaining("checksum");
    }

    @Test
    void shouldRefuseASnapshotOfAnotherFormatVersion() throws IOException
    {
        final Path snapshot = snapshotAt(2_000);
        try (RandomAccessFile raf = new RandomAccessFile(snapshot.toFile(), "rw"))
        {
            raf.seek(8);
            raf.write(5);
        }

        assertThatThrownBy(() -> Recovery.recover(journal, Recovery.Options.defaults(QUIET)))
            .isInstanceOf(JournalException.class).hasMessageContaining(snapshot.toString())
            .hasMessageContaining("format version 5");
    }

    @Test
    void shouldRefuseASnapshotWithAnUnknownSelfTradePreventionCodeNamingTheFile() throws IOException
    {
        final Path snapshot = snapshotAt(2_000);
        final byte[] file = Files.readAllBytes(snapshot);
        final ByteBuffer header = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(12, 9);
        header.putInt(60, AtomicFile.crc32c(file, 0, 60)); // a good checksum: only the code is wrong
        Files.write(snapshot, file);

        assertThatThrownBy(() -> Recovery.recover(journal, Recovery.Options.defaults(QUIET)))
            .isInstanceOf(JournalException.class).hasMessageContaining(snapshot.toString())
            .hasMessageContaining("unknown SelfTradePrevention code 9");
    }

    @Test
    void shouldRefuseASnapshotThatDoesNotMatchTheJournal()
    {
        final Path snapshot = snapshotAt(2_000);
        final Path renamed = snapshot.resolveSibling(SnapshotStore.name(2_500));
        final Path other = snapshotAt(2_500);
        try
        {
            Files.move(snapshot, other, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        catch (final IOException e)
        {
            throw new java.io.UncheckedIOException(e);
        }

        assertThat(renamed).isEqualTo(other);
        assertThatThrownBy(() -> Recovery.recover(journal, Recovery.Options.defaults(QUIET)))
            .isInstanceOf(JournalException.class).hasMessageContaining(other.toString())
            .hasMessageContaining("not the seq in its name");
    }

    @Test
    void shouldFallBackToAnOlderSnapshotWhenRecoveringToLastGood()
    {
        snapshotAt(1_000);
        final Path newest = snapshotAt(2_000);
        JournalFixture.flipByte(newest, 100);

        final Recovery.Recovered recovered = Recovery.recover(journal, Recovery.Options.defaults(log).salvage(true));

        assertThat(recovered.snapshotSeq()).isEqualTo(1_000);
        assertThat(recovered.logic().stateHash()).isEqualTo(cleanHashUntil(COMMANDS));
        assertThat(log()).contains(newest.toString());
    }

    @Test
    void shouldRefuseASnapshotAheadOfTheJournalUnlessRecoveringToLastGood() throws IOException
    {
        final Path snapshot = snapshotAt(2_000);
        final Path otherJournal = dir.resolve("other");
        JournalFixture.run(JournalFixture.firstCommands(FILE, 1_000), otherJournal, Durability.ASYNC);
        Files.createDirectories(otherJournal.resolve("snapshots"));
        Files.copy(snapshot, otherJournal.resolve("snapshots").resolve(snapshot.getFileName()));
        final JournalDirectory shortJournal = JournalDirectory.of(otherJournal);

        assertThatThrownBy(() -> Recovery.recover(shortJournal, Recovery.Options.defaults(QUIET)))
            .isInstanceOf(JournalException.class).hasMessageContaining("seq 2000");
        final Recovery.Recovered salvaged = Recovery.recover(shortJournal, Recovery.Options.defaults(log).salvage(true));
        assertThat(salvaged.lastSeq()).isEqualTo(1_000);
        assertThat(salvaged.snapshot()).isNull();
        assertThat(log()).contains("ahead of the journal");
    }

    @Test
    void shouldRefuseAJournalDirectoryThatCannotBeWritten() throws IOException
    {
        final Path notADirectory = Files.writeString(dir.resolve("plain-file"), "x");

        assertThatThrownBy(() -> new JournalWriter(JournalDirectory.of(notADirectory), Durability.ASYNC, failure -> { }))
            .isInstanceOf(JournalException.class).hasMessageContaining(notADirectory.toString())
            .hasMessageContaining("not writable");
    }

    @Test
    void shouldRefuseToReplayUnderOtherSelfTradeRules()
    {
        assertThatThrownBy(() -> journal.settle(SelfTradePrevention.CANCEL_RESTING))
            .isInstanceOf(JournalException.class).hasMessageContaining("self-trade prevention");
    }

    @Test
    void shouldListEveryEntryOnce()
    {
        final List<JournalFixture.EntryPosition> positions = JournalFixture.entryPositions(dir);

        assertThat(positions).hasSize(COMMANDS);
    }

    /** The documents the rewritten journal of {@link #journalInBatches} holds: 256, 256 and 88 entries per batch. */
    private static final int BATCH = 600;

    /**
     * Journals the commands of the fixture journal again into {@code target}, through the
     * journal stage itself, in ingress batches of {@link #BATCH}: deterministic documents.
     */
    private JournalDirectory journalInBatches(final Path target)
    {
        final List<Command> commands = JournalFixture.commands(journal);
        final JournalDirectory batched = JournalDirectory.of(target);
        batched.settle(SelfTradePrevention.NONE);
        try (JournalWriter writer = new JournalWriter(batched, Durability.ASYNC, failure -> { }))
        {
            writer.onStart();
            final CommandSlot slot = new CommandSlot();
            for (int i = 0; i < commands.size(); i++)
            {
                slot.copyFrom(commands.get(i));
                writer.onEvent(slot, i, (i + 1) % BATCH == 0 || i == commands.size() - 1);
            }
            assertThat(writer.failure()).isNull();
            assertThat(writer.lastSeq()).isEqualTo(COMMANDS);
            writer.onShutdown();
        }
        return batched;
    }

    @Test
    void shouldWriteOneDocumentPerBatchOfAtMost256Entries()
    {
        final Path target = dir.resolve("batched");
        final JournalDirectory batched = journalInBatches(target);
        final Map<Long, Integer> perDocument = new TreeMap<>();
        JournalFixture.entryPositions(target).forEach(p -> perDocument.merge(p.index(), 1, Integer::sum));

        assertThat(perDocument.values()).containsExactly(256, 256, 88, 256, 256, 88, 256, 256, 88, 256, 256, 88,
            256, 256, 88);
        assertThat(Recovery.recover(batched, Recovery.Options.defaults(QUIET)).logic().stateHash())
            .isEqualTo(cleanHashUntil(COMMANDS));
    }

    @Test
    void shouldRefuseACorruptEntryInTheMiddleOfADocumentNamingFileAndIndex()
    {
        final Path target = dir.resolve("batched");
        final JournalDirectory batched = journalInBatches(target);
        final JournalFixture.EntryPosition victim = JournalFixture.entryPositions(target).get(700); // entry 100 of 256
        JournalFixture.flipByte(victim.file(), victim.offset() + 20);

        assertThatThrownBy(() -> Recovery.recover(batched, Recovery.Options.defaults(QUIET)))
            .isInstanceOf(JournalException.class)
            .hasMessageContaining(victim.file().toString())
            .hasMessageContaining("entry 100 of the document at index " + JournalReader.describeIndex(victim.index()))
            .hasMessageContaining("checksum");
        final Recovery.Recovered salvaged = Recovery.recover(batched, Recovery.Options.defaults(log).salvage(true));
        assertThat(salvaged.lastSeq()).isEqualTo(700);
        assertThat(salvaged.lastIndex()).isEqualTo(victim.index());
        assertThat(salvaged.logic().stateHash()).isEqualTo(cleanHashUntil(700));
        assertThat(salvaged.corruption()).contains(JournalReader.describeIndex(victim.index()));
    }

    @Test
    void shouldDropTheRestOfATornLastDocumentKeepingTheEntriesBeforeIt()
    {
        final Path target = dir.resolve("batched");
        final JournalDirectory batched = journalInBatches(target);
        final List<JournalFixture.EntryPosition> positions = JournalFixture.entryPositions(target);
        final JournalFixture.EntryPosition victim = positions.get(2_950); // entry 38 of the last document, 88 long
        assertThat(positions.get(COMMANDS - 1).index()).isEqualTo(victim.index());
        JournalFixture.flipByte(victim.file(), victim.offset() + 20);

        final Recovery.Recovered recovered = Recovery.recover(batched, Recovery.Options.defaults(log));

        assertThat(recovered.tornIndex()).isEqualTo(victim.index());
        assertThat(recovered.lastSeq()).isEqualTo(2_950);
        assertThat(recovered.logic().stateHash()).isEqualTo(cleanHashUntil(2_950));
        assertThat(log()).contains("torn").contains(JournalReader.describeIndex(victim.index()))
            .contains("seq 2951 expected").contains("keeping its seqs 2913 to 2950");

        JournalRepair.voidTornEntry(batched, recovered.tornIndex(), recovered.lastSeq(), QUIET);
        final JournalCodec codec = new JournalCodec();
        final int length = codec.encode(new Command().tick(Long.MAX_VALUE / 2).seq(2_951));
        try (SingleChronicleQueue queue = batched.openForWriting(Durability.ASYNC);
            ExcerptAppender appender = queue.createAppender())
        {
            final EntryPacker packer = new EntryPacker(appender);
            packer.add(codec.array(), length);
            packer.publish();
        }
        final Recovery.Recovered again = Recovery.recover(batched, Recovery.Options.defaults(log));
        assertThat(again.lastSeq()).isEqualTo(2_951);
        assertThat(again.tornIndex()).isEqualTo(-1);
        assertThat(log()).contains("voided");
    }

    @Test
    void shouldResumeFromASnapshotTakenInsideADocument()
    {
        final Path target = dir.resolve("batched");
        final JournalDirectory batched = journalInBatches(target);
        final long documentOf700 = JournalFixture.entryPositions(target).get(699).index();
        final Recovery.Recovered at700 = Recovery.recover(batched, Recovery.Options.defaults(QUIET).until(700));
        assertThat(at700.lastIndex()).isEqualTo(documentOf700);
        new SnapshotStore(batched).write(SnapshotStore.capture(at700.logic(), at700.lastIndex()));

        final Recovery.Recovered fromSnapshot = Recovery.recover(batched, Recovery.Options.defaults(QUIET));

        assertThat(fromSnapshot.snapshotSeq()).isEqualTo(700);
        assertThat(fromSnapshot.replayed()).isEqualTo(COMMANDS - 700);
        assertThat(fromSnapshot.logic().stateHash()).isEqualTo(cleanHashUntil(COMMANDS));
        try (JournalReader reader = JournalReader.open(batched))
        {
            assertThat(reader.holds(documentOf700, 700)).isTrue();
            assertThat(reader.holds(documentOf700, 701)).isTrue();
            assertThat(reader.holds(documentOf700, 1_000)).isFalse();
        }
    }

    @Test
    void shouldRefuseAJournalOfTheOldOneDocumentPerCommandFormat() throws IOException
    {
        final Path settings = dir.resolve("journal.properties");
        Files.writeString(settings, Files.readString(settings).replace("entryFormat=" + JournalCodec.FORMAT, "entryFormat=1"));

        assertThatThrownBy(() -> Recovery.recover(journal, Recovery.Options.defaults(QUIET)))
            .isInstanceOf(JournalException.class).hasMessageContaining("entry format 1").hasMessageContaining(dir.toString());
        assertThatThrownBy(() -> new JournalWriter(journal, Durability.ASYNC, failure -> { }))
            .isInstanceOf(JournalException.class).hasMessageContaining("entry format 1");
    }

    @Test
    void shouldRefuseAJournalOfAFutureEntryFormat() throws IOException
    {
        final Path settings = dir.resolve("journal.properties");
        final int future = JournalCodec.FORMAT + 1;
        Files.writeString(settings, Files.readString(settings).replace("entryFormat=" + JournalCodec.FORMAT,
            "entryFormat=" + future));

        assertThatThrownBy(() -> Recovery.recover(journal, Recovery.Options.defaults(QUIET)))
            .isInstanceOf(JournalException.class).hasMessageContaining("entry format " + future)
            .hasMessageContaining(dir.toString());
        assertThatThrownBy(() -> new JournalWriter(journal, Durability.ASYNC, failure -> { }))
            .isInstanceOf(JournalException.class).hasMessageContaining("entry format " + future);
    }

    @Test
    void shouldRefuseAJournalOfTheFormatWithoutIdentitiesSayingWhy() throws IOException
    {
        final Path settings = dir.resolve("journal.properties");
        Files.writeString(settings, Files.readString(settings).replace("entryFormat=" + JournalCodec.FORMAT, "entryFormat=2"));

        assertThatThrownBy(() -> Recovery.recover(journal, Recovery.Options.defaults(QUIET)))
            .isInstanceOf(JournalException.class).hasMessageContaining("entry format 2").hasMessageContaining("request ids")
            .hasMessageContaining("journal cat");
        assertThatThrownBy(() -> journal.settle(engine.api.SelfTradePrevention.NONE))
            .isInstanceOf(JournalException.class).hasMessageContaining("entry format 2");
    }
}
