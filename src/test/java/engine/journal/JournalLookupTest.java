package engine.journal;

import static engine.journal.JournalFixture.QUIET;
import static org.assertj.core.api.Assertions.assertThat;

import engine.format.CommandFileWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Commands found by seq in a journal of many documents give exactly what a full read gives. */
class JournalLookupTest
{
    private static final int COMMANDS = 5_000;

    @TempDir
    Path dir;

    private List<String> everyCommand()
    {
        final List<String> lines = new ArrayList<>();
        lines.add(null);
        try (JournalReader reader = JournalReader.open(JournalDirectory.of(dir)))
        {
            reader.readAll(Long.MAX_VALUE, false, QUIET, (command, index) -> lines.add(CommandFileWriter.line(command)));
        }
        return lines;
    }

    private static List<String> lookUp(final JournalLookup lookup, final long first, final long last)
    {
        final List<String> found = new ArrayList<>();
        final long handed = lookup.read(first, last, command -> found.add(CommandFileWriter.line(command)));
        assertThat(handed).isEqualTo(found.size());
        return found;
    }

    @Test
    void shouldFindEveryCommandBySeq()
    {
        JournalFixture.run(JournalFixture.workload(COMMANDS, 11), dir, Durability.ASYNC);
        final List<String> all = everyCommand();
        final int last = all.size() - 1;
        assertThat(JournalFixture.entryPositions(dir).stream().map(JournalFixture.EntryPosition::index).distinct().count())
            .as("several documents to search").isGreaterThan(10);
        try (JournalLookup lookup = JournalLookup.of(JournalDirectory.of(dir)))
        {
            final List<Long> seqs = new ArrayList<>(List.of(1L, 2L, 255L, 256L, 257L, 512L, (long)last - 1, (long)last));
            final Random random = new Random(5);
            for (int i = 0; i < 200; i++)
            {
                seqs.add(1 + (long)random.nextInt(last));
            }
            for (final long seq : seqs)
            {
                assertThat(lookUp(lookup, seq, seq)).as("seq " + seq).containsExactly(all.get((int)seq));
            }
            assertThat(lookUp(lookup, 1, last)).isEqualTo(all.subList(1, last + 1));
            assertThat(lookUp(lookup, 1000, 1099)).isEqualTo(all.subList(1000, 1100));
            assertThat(lookUp(lookup, last - 2, last + 100)).as("what there is").isEqualTo(all.subList(last - 2, last + 1));
            assertThat(lookUp(lookup, last + 1, last + 5)).isEmpty();
            assertThat(lookUp(lookup, 0, 0)).isEmpty();
            assertThat(lookUp(lookup, 10, 9)).isEmpty();
        }
    }

    @Test
    void shouldFindNothingBeforeTheFirstCommandIsJournaled()
    {
        try (JournalLookup lookup = JournalLookup.of(JournalDirectory.of(dir)))
        {
            assertThat(lookUp(lookup, 1, 10)).isEmpty();
            JournalFixture.run("SYMBOL,1,BTC-USD,BTC,USD,1,1\nDEPOSIT,2,1,USD,100\n", dir, Durability.ASYNC);
            assertThat(lookUp(lookup, 1, 10)).as("opened once there is a journal")
                .containsExactly("SYMBOL,1,BTC-USD,BTC,USD,1,1", "DEPOSIT,2,1,USD,100");
        }
    }
}
