package engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import engine.api.Command;
import engine.api.CommandType;
import engine.api.SelfTradePrevention;
import engine.api.TimeInForce;
import engine.format.CommandFileParser;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The command-file grammar of COMMAND-FILE.md: what is a command, what is skipped, what is malformed. */
class CommandFileFormatTest
{
    private final CommandFileParser parser = new CommandFileParser();
    private final Command command = new Command();

    @ParameterizedTest
    @ValueSource(strings = {
        "PLACE,1,1,10,BTC-USD,BUY,LIMIT,GTC,100",
        "PLACE,1,1,10,BTC-USD,BUY,LIMIT,GTC,100,5,",
        "FOO,1",
        "place,1,1,10,BTC-USD,BUY,LIMIT,GTC,100,5",
        "PLACE,1,1,10,BTC-USD,BUYS,LIMIT,GTC,100,5",
        "PLACE,1,1,10,BTC-USD,BUY,STOP,GTC,100,5",
        "PLACE,1,1,10,BTC-USD,BUY,LIMIT,DAY,100,5",
        "PLACE,1,1,10,BTC-USD,BUY,LIMIT,GTD:,100,5",
        "PLACE,1,1,10,BTC-USD,BUY,LIMIT,GTD:x,100,5",
        "PLACE,1,1,10,BTC-USD,BUY,LIMIT,GTC,+100,5",
        "PLACE,1,1,10,BTC-USD,BUY,LIMIT,GTC, 100,5",
        "PLACE,1,1,10,BTC-USD,BUY,LIMIT,GTC,100,",
        "PLACE,1,1,10,BTC-USD,BUY,LIMIT,GTC,100,9223372036854775808",
        "PLACE,1,1,10,BTC/USD,BUY,LIMIT,GTC,100,5",
        "PLACE,1,1,10,ABCDEFGHIJKLMNOPQ,BUY,LIMIT,GTC,100,5",
        "PLACE,1,1,10,,BUY,LIMIT,GTC,100,5",
        "PLACE,-1,1,10,BTC-USD,BUY,LIMIT,GTC,100,5",
        "DEPOSIT,1,x,USD,5",
        "DEPOSIT,1,1,USD,",
        "SYMBOL,0,BTC-USD,BTC,USD,1",
        "SYMBOL,0,BTC-USD,BTC,USD,1,",
        "TICK,1,2",
        "AMEND,1,1,10,5",
        "CANCEL,1,1"})
    void shouldReportLineAsMalformed(final String line)
    {
        assertThat(parser.parse(line, command)).as(line).isEqualTo(CommandFileParser.Outcome.MALFORMED);
        assertThat(parser.error()).isNotBlank();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "# a comment", "#PLACE,1,1,10,BTC-USD,BUY,LIMIT,GTC,100,5", "\r"})
    void shouldSkipBlankAndCommentLines(final String line)
    {
        assertThat(parser.parse(line, command)).isEqualTo(CommandFileParser.Outcome.SKIP);
    }

    @Test
    void shouldAcceptExtremeIntegersAndEmptyOptionalFields()
    {
        assertThat(parser.parse("PLACE,5,-9223372036854775808,9223372036854775807,BTC-USD,SELL,MARKET,IOC,,1\r",
            command)).isEqualTo(CommandFileParser.Outcome.COMMAND);
        assertThat(command.account()).isEqualTo(Long.MIN_VALUE);
        assertThat(command.orderId()).isEqualTo(Long.MAX_VALUE);
        assertThat(command.hasPrice()).isFalse();
        assertThat(parser.parse("AMEND,,1,2,,", command)).isEqualTo(CommandFileParser.Outcome.COMMAND);
        assertThat(command.type()).isEqualTo(CommandType.AMEND);
        assertThat(command.timestamp()).isEqualTo(5);
        assertThat(command.hasPrice()).isFalse();
        assertThat(command.hasQty()).isFalse();
    }

    @Test
    void shouldParseGtdExpiryAndKeepNegativeExpiryForTheEngineToReject()
    {
        assertThat(parser.parse("PLACE,7,1,10,A.B_c-1,BUY,LIMIT,GTD:-5,100,5", command))
            .isEqualTo(CommandFileParser.Outcome.COMMAND);
        assertThat(command.tif()).isEqualTo(TimeInForce.GTD);
        assertThat(command.expiry()).isEqualTo(-5);
    }

    @Test
    void shouldRejectTimeGoingBackwardsButNotMoveTheClockOnMalformedLines()
    {
        assertThat(parser.parse("TICK,10", command)).isEqualTo(CommandFileParser.Outcome.COMMAND);
        assertThat(parser.parse("TICK,9", command)).isEqualTo(CommandFileParser.Outcome.MALFORMED);
        assertThat(parser.error()).contains("lower than the previous time 10");
        assertThat(parser.parse("TICK,20,x", command)).isEqualTo(CommandFileParser.Outcome.MALFORMED);
        assertThat(parser.parse("TICK,", command)).isEqualTo(CommandFileParser.Outcome.COMMAND);
        assertThat(command.timestamp()).isEqualTo(10);
    }

    @Test
    void shouldSkipMalformedLinesReportTheirNumbersAndKeepSequenceNumbersDense()
    {
        final EngineRun run = EngineRun.of(String.join("\n", List.of(
            "SYMBOL,0,BTC-USD,BTC,USD",
            "# comment",
            "DEPOSIT,0,1,USD,banana",
            "DEPOSIT,0,1,USD,100",
            "PLACE,1,1,7,BTC-USD,BUY,LIMIT,GTC,10,5,9")) + "\n", SelfTradePrevention.NONE, false, false);

        assertThat(run.stdout).containsExactly("1,SYMBOL_ADDED,BTC-USD", "2,DEPOSITED,1,USD,100");
        assertThat(run.stderr).contains("line 3:").contains("amount").contains("line 5:");
        assertThat(run.summary.malformed()).isEqualTo(2);
    }

    @Test
    void shouldStopAtFirstMalformedLineWhenStrict()
    {
        final EngineRun run = EngineRun.of("SYMBOL,0,BTC-USD,BTC,USD\nNOPE\nDEPOSIT,0,1,USD,100\n",
            SelfTradePrevention.NONE, false, true);

        assertThat(run.stdout).containsExactly("1,SYMBOL_ADDED,BTC-USD");
        assertThat(run.summary.stoppedEarly()).isTrue();
        assertThat(run.stderr).contains("line 2:").contains("unknown operation 'NOPE'");
    }

    @Test
    void shouldSayTheRunStoppedNotSkippedWhenStrict()
    {
        final EngineRun strict = EngineRun.of("NOPE\nDEPOSIT,0,1,USD,100\n", SelfTradePrevention.NONE, false, true);
        final EngineRun lenient = EngineRun.of("NOPE\nDEPOSIT,0,1,USD,100\n", SelfTradePrevention.NONE, false, false);

        assertThat(strict.stderr).contains("run stopped").doesNotContain("skipped");
        assertThat(RunCommand.summaryLine(strict.summary)).contains("stopped").doesNotContain("skipped");
        assertThat(lenient.stderr).contains("skipped");
        assertThat(RunCommand.summaryLine(lenient.summary)).contains("1 malformed line(s) skipped");
    }

    @Test
    void shouldQuoteAtMost200EscapedCharactersOfAMalformedLine()
    {
        final String hostile = "NOPE,\u001b[2J\u001b]0;owned\u0007" + "x".repeat(3_000_000);
        final EngineRun run = EngineRun.of(hostile + "\n", SelfTradePrevention.NONE, false, false);

        assertThat(run.stderr.length()).isLessThan(1_000);
        assertThat(run.stderr).doesNotContain("\u001b").doesNotContain("\u0007")
            .contains("\\x1b[2J").contains("(3000019 bytes)");
    }

    @Test
    void shouldMatchEnumWordsExactlyWithNoLocaleFolding()
    {
        // U+0131 (dotless i) upper-cases to I: "L\u0131M\u0131T" must not read as LIMIT.
        assertThat(parser.parse("PLACE,1,1,10,BTC-USD,BUY,L\u0131M\u0131T,GTC,100,5", command))
            .isEqualTo(CommandFileParser.Outcome.MALFORMED);
        assertThat(parser.parse("PLACE,1,1,10,BTC-USD,buy,LIMIT,GTC,100,5", command))
            .isEqualTo(CommandFileParser.Outcome.MALFORMED);
    }

    @Test
    void shouldPrintTheStateHashLastAndTheSameForTheSameInput()
    {
        final String file = "SYMBOL,0,BTC-USD,BTC,USD\nDEPOSIT,0,1,USD,1000\nPLACE,1,1,7,BTC-USD,BUY,LIMIT,GTC,10,5\n";
        final EngineRun first = EngineRun.of(file, SelfTradePrevention.NONE, true, false);
        final EngineRun second = EngineRun.of(file, SelfTradePrevention.NONE, true, false);

        assertThat(first.stdout.get(first.stdout.size() - 1)).matches("STATE_HASH,[0-9a-f]{16}");
        assertThat(first.stdout).isEqualTo(second.stdout);
        assertThat(first.stdout).contains("BOOK,BTC-USD,BUY,10,7,5", "BALANCE,1,USD,950,50");
    }
}
