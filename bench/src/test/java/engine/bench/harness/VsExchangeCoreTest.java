package engine.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import engine.core.WaitStrategyType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The honesty rule of {@code scripts/bench vs-exchange-core}: no table unless both engines made the same trades. */
class VsExchangeCoreTest
{
    /** One resting sell of 5, one buy of 7 crossing it: exactly one trade, taker 502, maker 501, 5 at 30000. */
    private static final String FILE = """
        SYMBOL,0,BTC-USD,BTC,USD
        DEPOSIT,0,1,USD,1000000000
        DEPOSIT,0,2,BTC,100
        PLACE,1,2,501,BTC-USD,SELL,LIMIT,GTC,30000,5
        PLACE,2,1,502,BTC-USD,BUY,LIMIT,IOC,30100,7
        """;

    @TempDir
    Path dir;
    private Workload workload;

    @BeforeEach
    void writeWorkload() throws IOException
    {
        final Path file = dir.resolve("one-trade.txt");
        Files.writeString(file, FILE);
        workload = Workload.load(file);
    }

    @Test
    void shouldAgreeWhenExchangeCoreMadeTheSameTrades() throws IOException
    {
        final TradeCheck.Outcome outcome = TradeCheck.compare(workload, theirTrades("502,501,30000,5\n"));

        assertThat(outcome.agree()).isTrue();
        assertThat(outcome.ourTrades()).isEqualTo(1);
        assertThat(outcome.theirQty()).isEqualTo(5);
    }

    @Test
    void shouldNameTheFirstTradeThatDiffers() throws IOException
    {
        final TradeCheck.Outcome outcome = TradeCheck.compare(workload, theirTrades("502,501,30100,5\n"));

        assertThat(outcome.agree()).isFalse();
        assertThat(outcome.firstDifference()).contains("trade 1").contains("ours 502,501,30000,5")
            .contains("exchange-core 502,501,30100,5");
    }

    @Test
    void shouldDisagreeWhenExchangeCoreMadeMoreOrFewerTrades() throws IOException
    {
        final TradeCheck.Outcome more = TradeCheck.compare(workload, theirTrades("502,501,30000,5\n502,503,30000,2\n"));
        final TradeCheck.Outcome fewer = TradeCheck.compare(workload, theirTrades(""));

        assertThat(more.agree()).isFalse();
        assertThat(more.theirTrades()).isEqualTo(2);
        assertThat(more.firstDifference()).contains("trade 2").contains("ours none");
        assertThat(fewer.agree()).isFalse();
        assertThat(fewer.firstDifference()).contains("it made fewer trades");
    }

    @Test
    void shouldRefuseToMeasureOrPrintATableWhenTheTradesDisagree() throws IOException
    {
        theirTrades("502,501,30000,4\n");
        Files.writeString(dir.resolve("ec-summary.properties"), "latency.rates=1M\nthroughput.rounds=1\n");
        final ByteArrayOutputStream text = new ByteArrayOutputStream();
        final VsExchangeCore.Params options = new VsExchangeCore.Params(dir, new Pipeline.Settings(WaitStrategyType.YIELDING,
            WaitStrategyType.YIELDING, "off", 1 << 16, "", dir), 1 << 16, "blp=1,io=0", List.of("off", "async"), 2, 5, 2, 0.25);

        try (PrintStream out = new PrintStream(text, true, StandardCharsets.UTF_8))
        {
            assertThatThrownBy(() -> VsExchangeCore.run(options, workload, dir, "test", out))
                .isInstanceOf(VsExchangeCore.Disagreement.class).hasMessageContaining("trade 1");
        }
        assertThat(text.toString(StandardCharsets.UTF_8)).contains("DISAGREE").doesNotContain("Side by side")
            .doesNotContain("round");
    }

    private Path theirTrades(final String lines) throws IOException
    {
        return Files.writeString(dir.resolve("ec-trades.txt"), lines);
    }
}
