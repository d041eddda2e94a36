package engine.journal;

import static engine.journal.JournalFixture.QUIET;
import static org.assertj.core.api.Assertions.assertThat;

import engine.format.CommandFileWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Balance adjustments, accepted and refused, survive the journal and recovery unchanged: the journal is their audit trail. */
class BalanceAdjustJournalTest
{
    private static final String FILE = String.join("\n",
        "SYMBOL,0,BTC-USD,BTC,USD,1,1",
        "DEPOSIT,0,1,USD,1000",
        "BALANCE_ADJUST,1,1,USD,250,7",
        "BALANCE_ADJUST,2,1,USD,-1200,65535",
        "BALANCE_ADJUST,3,1,USD,-1251,2",
        "BALANCE_ADJUST,4,2,USD,5,2",
        "BALANCE_ADJUST,5,1,BTC,-9223372036854775808,2") + "\n";

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
        assertThat(original).contains("3,BALANCE_ADJUSTED,1,USD,250,7", "4,BALANCE_ADJUSTED,1,USD,-1200,65535",
            "5,REJECTED,,INSUFFICIENT_FUNDS", "6,REJECTED,,UNKNOWN_ACCOUNT", "7,REJECTED,,INVALID_AMOUNT", "BALANCE,1,USD,50,0");
    }

    @Test
    void shouldRecoverTheAdjustedBalancesFromTheJournal()
    {
        final String run = JournalFixture.run(FILE, dir, Durability.ASYNC);
        final Recovery.Recovered recovered = Recovery.recover(JournalDirectory.of(dir),
            Recovery.Options.defaults(QUIET).snapshots(false));

        assertThat(JournalFixture.hashLine(recovered.logic().stateHash())).isEqualTo(JournalFixture.stateHashLine(run));
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
