package engine.journal;

import static engine.journal.JournalFixture.QUIET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import engine.api.Command;
import engine.api.SelfTradePrevention;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import net.openhft.chronicle.core.time.SetTimeProvider;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recovery accounts for the whole journal: a damaged header in the middle, a cycle file cut
 * short or gone, are refused with the file, the index and what is missing, never read as a
 * shorter journal; salvaging keeps what comes before the damage.
 */
class JournalIntegrityTest
{
    private static final int COMMANDS = 3_000;
    private static final String FILE = JournalFixture.workload(COMMANDS, 11);
    private static final long DAY_MILLIS = 86_400_000L;

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

    private long cleanHashUntil(final JournalDirectory directory, final long seq)
    {
        return Recovery.recover(directory, Recovery.Options.defaults(QUIET).until(seq).snapshots(false)).logic().stateHash();
    }

    /** The first entry of the document holding entry {@code n} (0-based) of the journal in {@code root}. */
    private static JournalFixture.EntryPosition documentOf(final Path root, final int n)
    {
        final List<JournalFixture.EntryPosition> positions = JournalFixture.entryPositions(root);
        final long index = positions.get(n).index();
        return positions.stream().filter(p -> p.index() == index).findFirst().orElseThrow();
    }

    /** Byte offset of the Chronicle header of the document whose first entry is {@code first}. */
    private static long headerOf(final JournalFixture.EntryPosition first)
    {
        return first.offset() - 1 - 4; // the entry's length byte, then the 4-byte header before it
    }

    private static void overwrite(final Path file, final long offset, final byte[] bytes)
    {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw"))
        {
            raf.seek(offset);
            raf.write(bytes);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }

    private static final byte[] GARBAGE_TOP_BIT = {0x34, 0x12, 0x00, (byte)0x80};
    private static final byte[] ZEROS = {0, 0, 0, 0};

    private void assertRefusesADamagedMiddleHeader(final byte[] header)
    {
        final JournalFixture.EntryPosition first = documentOf(dir, 1_500);
        final long seqBefore = JournalFixture.entryPositions(dir).indexOf(first); // entries before it: seqs 1..that
        overwrite(first.file(), headerOf(first), header);

        assertThatThrownBy(() -> Recovery.recover(journal, Recovery.Options.defaults(QUIET)))
            .isInstanceOf(JournalException.class)
            .hasMessageContaining(first.file().toString())
            .hasMessageContaining(JournalReader.describeIndex(first.index()))
            .hasMessageContaining("damaged in the middle")
            .hasMessageContaining("seq " + seqBefore)
            .hasMessageContaining("--recover-to-last-good");

        final Recovery.Recovered salvaged = Recovery.recover(journal, Recovery.Options.defaults(log).salvage(true));
        assertThat(salvaged.lastSeq()).isEqualTo(seqBefore);
        assertThat(salvaged.corruption()).contains("damaged in the middle");
        assertThat(salvaged.logic().stateHash()).isEqualTo(cleanHashUntil(journal, seqBefore));
    }

    @Test
    void shouldRefuseAMiddleDocumentWhoseHeaderIsGarbageWithTheTopBitSet()
    {
        assertRefusesADamagedMiddleHeader(GARBAGE_TOP_BIT);
    }

    @Test
    void shouldRefuseAMiddleDocumentWhoseHeaderIsZeroed()
    {
        assertRefusesADamagedMiddleHeader(ZEROS);
    }

    @Test
    void shouldCutAtTheDamagedHeaderOnlyWhenSalvagingKeepingTheOriginal()
    {
        final JournalFixture.EntryPosition first = documentOf(dir, 1_500);
        final long seqBefore = JournalFixture.entryPositions(dir).indexOf(first);
        overwrite(first.file(), headerOf(first), GARBAGE_TOP_BIT);

        final Path aside = JournalRepair.cutAtLastGood(journal, seqBefore, QUIET);
        final Recovery.Recovered recovered = Recovery.recover(journal, Recovery.Options.defaults(QUIET));

        assertThat(recovered.lastSeq()).isEqualTo(seqBefore);
        assertThat(JournalDirectory.of(aside).hasJournal()).isTrue();
        assertThat(JournalMark.read(journal).seq()).isEqualTo(seqBefore);
    }

    @Test
    void shouldNameTheFileCutShortInsteadOfFaulting() throws IOException
    {
        final JournalFixture.EntryPosition victim = JournalFixture.entryPositions(dir).get(2_000);
        // Read before the cut: reading a cut file through Chronicle is the fault under test.
        final JournalFixture.EntryPosition first = documentOf(dir, 0);
        assertThat(first.index()).isNotNegative();
        try (RandomAccessFile raf = new RandomAccessFile(victim.file().toFile(), "rw"))
        {
            raf.setLength(victim.offset() + 3); // inside the data: the mapped pages after it are gone
        }

        assertThatThrownBy(() -> Recovery.recover(journal, Recovery.Options.defaults(QUIET)))
            .isInstanceOf(JournalException.class)
            .hasMessageContaining(victim.file().toString())
            .hasMessageContaining("cut short")
            .hasMessageContaining(JournalReader.describeIndex(victim.index()));
        final Recovery.Recovered salvaged = Recovery.recover(journal, Recovery.Options.defaults(log).salvage(true));
        assertThat(salvaged.lastSeq()).isLessThan(2_001).isGreaterThan(1_000);
        assertThat(salvaged.corruption()).contains("cut short");
    }

    /** Journals the fixture's commands again into {@code target}, spread over {@code days} daily cycle files. */
    private static JournalDirectory journalOverDays(final JournalDirectory source, final Path target, final int days)
    {
        final List<Command> commands = JournalFixture.commands(source);
        final JournalDirectory spread = JournalDirectory.of(target);
        spread.settle(SelfTradePrevention.NONE);
        final SetTimeProvider clock = new SetTimeProvider(System.currentTimeMillis() - days * DAY_MILLIS);
        final JournalCodec codec = new JournalCodec();
        try (SingleChronicleQueue queue = SingleChronicleQueueBuilder.binary(spread.queueDir())
            .rollCycle(RollCycles.FAST_DAILY).timeProvider(clock).build();
            ExcerptAppender appender = queue.createAppender())
        {
            final EntryPacker packer = new EntryPacker(appender);
            final int perDay = (commands.size() + days - 1) / days;
            for (int i = 0; i < commands.size(); i++)
            {
                if (i > 0 && i % perDay == 0)
                {
                    packer.publish();
                    clock.advanceMillis(DAY_MILLIS);
                }
                packer.add(codec.array(), codec.encode(commands.get(i)));
                if (packer.full())
                {
                    packer.publish();
                }
            }
            packer.publish();
        }
        assertThat(JournalFiles.cycleFiles(spread)).hasSize(days);
        return spread;
    }

    @Test
    void shouldReadAJournalSpreadOverSeveralCycleFiles()
    {
        final JournalDirectory spread = journalOverDays(journal, dir.resolve("spread"), 3);

        final Recovery.Recovered recovered = Recovery.recover(spread, Recovery.Options.defaults(QUIET));

        assertThat(recovered.lastSeq()).isEqualTo(COMMANDS);
        assertThat(recovered.logic().stateHash()).isEqualTo(cleanHashUntil(journal, COMMANDS));
    }

    @Test
    void shouldRefuseAJournalWhoseFirstCycleFileIsMissing() throws IOException
    {
        final JournalDirectory spread = journalOverDays(journal, dir.resolve("spread"), 3);
        final Path firstFile = JournalFiles.cycleFiles(spread).get(0);
        Files.delete(firstFile);

        assertThatThrownBy(() -> Recovery.recover(spread, Recovery.Options.defaults(QUIET)))
            .isInstanceOf(JournalException.class)
            .hasMessageContaining(JournalFiles.cycleFiles(spread).get(0).toString())
            .hasMessageContaining("seqs 1 to 1000 are missing");
    }

    @Test
    void shouldRefuseAJournalWhoseMiddleCycleFileIsMissingNamingTheFiles() throws IOException
    {
        final JournalDirectory spread = journalOverDays(journal, dir.resolve("spread"), 3);
        final List<Path> files = JournalFiles.cycleFiles(spread);
        Files.delete(files.get(1));

        assertThatThrownBy(() -> Recovery.recover(spread, Recovery.Options.defaults(QUIET)))
            .isInstanceOf(JournalException.class)
            .hasMessageContaining(files.get(2).toString())
            .hasMessageContaining(files.get(0).toString())
            .hasMessageContaining("seqs 1001 to 2000 are missing");
    }

    @Test
    void shouldRefuseAJournalEndingBeforeItsMarkWhenTheLastCycleFileIsMissing() throws IOException
    {
        final JournalDirectory spread = journalOverDays(journal, dir.resolve("spread"), 3);
        final Recovery.Recovered whole = Recovery.recover(spread, Recovery.Options.defaults(QUIET));
        JournalMark.write(spread, whole.lastSeq(), whole.lastIndex(), "shutdown");
        final Path lastFile = JournalFiles.cycleFiles(spread).get(2);
        Files.delete(lastFile);

        assertThatThrownBy(() -> Recovery.recover(spread, Recovery.Options.defaults(QUIET)))
            .isInstanceOf(JournalException.class)
            .hasMessageContaining("ends at seq 2000")
            .hasMessageContaining("seqs 2001 to 3000 are missing")
            .hasMessageContaining("no cycle file of cycle " + JournalFiles.cycleOf(lastFile));
        final Recovery.Recovered salvaged = Recovery.recover(spread, Recovery.Options.defaults(log).salvage(true));
        assertThat(salvaged.lastSeq()).isEqualTo(2_000);
        assertThat(salvaged.corruption()).contains("are missing");
    }

    @Test
    void shouldAcceptAJournalThatEndsAfterItsMark()
    {
        JournalMark.write(journal, 2_000, 0, "snapshot");

        assertThat(Recovery.recover(journal, Recovery.Options.defaults(QUIET)).lastSeq()).isEqualTo(COMMANDS);
    }

    @Test
    void shouldMoveTheBytesOfAnInterruptedWriteAsideSoThatLaterWritesLeaveNoLeftovers() throws IOException
    {
        final JournalFixture.EntryPosition last = JournalFixture.entryPositions(dir).get(COMMANDS - 1);
        final long header = (last.offset() + last.length() + 3) & ~3L;
        final byte[] torn = new byte[3_000];
        java.util.Arrays.fill(torn, (byte)7);
        overwrite(last.file(), header + 4, torn); // a long document whose header was never written
        final Recovery.Recovered recovered = Recovery.recover(journal, Recovery.Options.defaults(log));
        assertThat(recovered.tornIndex()).isEqualTo(last.index() + 1);

        JournalRepair.voidTornEntry(journal, recovered.tornIndex(), recovered.lastSeq(), log);
        final JournalCodec codec = new JournalCodec();
        try (SingleChronicleQueue queue = journal.openForWriting(Durability.ASYNC);
            ExcerptAppender appender = queue.createAppender())
        {
            final EntryPacker packer = new EntryPacker(appender);
            packer.add(codec.array(), codec.encode(new Command().tick(Long.MAX_VALUE / 2).seq(COMMANDS + 1)));
            packer.publish();
        }

        final Recovery.Recovered again = Recovery.recover(journal, Recovery.Options.defaults(log));
        assertThat(again.lastSeq()).isEqualTo(COMMANDS + 1);
        assertThat(again.tornIndex()).isEqualTo(-1);
        try (Stream<Path> files = Files.list(dir))
        {
            final Path aside = files.filter(f -> f.getFileName().toString().startsWith("torn-")).findFirst().orElseThrow();
            final byte[] saved = Files.readAllBytes(aside); // the zero header, then the bytes written before it
            assertThat(saved.length).isEqualTo(4 + torn.length);
            assertThat(java.util.Arrays.equals(saved, 4, saved.length, torn, 0, torn.length)).isTrue();
        }
    }
}
