package engine.format;

import static org.assertj.core.api.Assertions.assertThat;

import engine.api.Command;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Writing a parsed command gives back its line: the writer and the parser agree on every command. */
class CommandFileWriterTest
{
    private static final String[] LINES = {
        "SYMBOL,0,BTC-USD,BTC,USD,8,2",
        "DEPOSIT,5,1,USD,1000000",
        "WITHDRAW,6,2,ABCDEFGHIJKLMNOP,-7",
        "PLACE,7,1,42,BTC-USD,BUY,LIMIT,GTC,100,5",
        "PLACE,7,1,43,BTC-USD,SELL,MARKET,IOC,,5",
        "PLACE,8,2,44,BTC-USD,SELL,LIMIT,GTD:1000,101,3",
        "PLACE,8,2,45,BTC-USD,BUY,LIMIT,POST_ONLY,99,9223372036854775807",
        "PLACE,8,2,46,BTC-USD,BUY,LIMIT,FOK,99,1",
        "CANCEL,9,1,42",
        "AMEND,10,2,44,102,",
        "AMEND,10,2,44,,2",
        "TICK,11",
        "WITHDRAW_REQUEST,12,1,USD,300,5000,3",
        "WITHDRAW_CONFIRM,13,12,1",
        "WITHDRAW_FAIL,14,12,2",
        "DEPOSIT_NOTIFY,15,1,USD,50,-9001",
        "TRADE_BUST,16,14,0",
        "TRADE_BUST,16,-1,9223372036854775807",
    };

    @Test
    void shouldWriteEachParsedCommandAsItsLine()
    {
        final CommandFileParser parser = new CommandFileParser();
        final Command command = new Command();
        for (final String line : LINES)
        {
            assertThat(parser.parse(line, command)).as("%s: %s", line, parser.error()).isEqualTo(CommandFileParser.Outcome.COMMAND);
            assertThat(CommandFileWriter.line(command)).isEqualTo(line);
        }
    }

    @Test
    void shouldWriteLinesCommentsAndFieldsToTheTarget() throws Exception
    {
        final StringWriter text = new StringWriter();
        final CommandFileWriter writer = new CommandFileWriter();
        writer.target(text);
        writer.comment().text("seed=").number(-3).end();
        writer.tick(4).end();
        writer.amend(5, 1, 2, true, 10, false, 0).end();
        assertThat(text.toString()).as("nothing before flush").isEmpty();
        writer.flush();
        assertThat(text.toString()).isEqualTo("# seed=-3\nTICK,4\nAMEND,5,1,2,10,\n");
    }

    @Test
    void shouldFlushOnItsOwnOnceTheBufferIsNearlyFull() throws Exception
    {
        final StringWriter text = new StringWriter();
        final CommandFileWriter writer = new CommandFileWriter();
        writer.target(text);
        final int lines = 20_000;
        for (int i = 0; i < lines; i++)
        {
            writer.cancel(i, 1, i).end();
        }
        assertThat(text.getBuffer().length()).as("written before flush").isPositive();
        writer.flush();
        assertThat(text.toString().split("\n")).hasSize(lines).endsWith("CANCEL,19999,1,19999");
    }
}
