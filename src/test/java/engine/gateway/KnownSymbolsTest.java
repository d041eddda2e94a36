package engine.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import engine.api.AsciiName;
import engine.api.Command;
import engine.api.SelfTradePrevention;
import engine.core.EventBatch;
import engine.logic.BusinessLogic;
import engine.readmodel.ReadModels;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Read-your-writes for order entry: a symbol whose SYMBOL command the engine has taken is known
 * to the front ends even while the depth model, fed in parallel with the results, lags behind.
 */
class KnownSymbolsTest
{
    private final ReadModels models = new ReadModels(1_000_000L);

    @Test
    void shouldKnowASymbolAddedByACommandTheModelHasNotAppliedYet() throws Exception
    {
        final AtomicReference<Thread> feeder = new AtomicReference<>();
        // The model applies the SYMBOL only once the check has already missed it: the supplier is
        // asked exactly then, and starts the feed on another thread.
        final KnownSymbols symbols = new KnownSymbols(models.depth(), () ->
        {
            final Thread thread = new Thread(() -> models.depth().accept(symbolAdded(1, "BTC-USD")));
            feeder.set(thread);
            thread.start();
            return 1;
        });

        assertThat(models.depth().hasSymbol("BTC-USD")).isFalse();
        assertThat(symbols.contains("BTC-USD")).isTrue();
        feeder.get().join();
    }

    @Test
    void shouldRefuseASymbolNoCommandHasAdded()
    {
        models.depth().accept(symbolAdded(1, "BTC-USD"));
        final KnownSymbols symbols = new KnownSymbols(models.depth(), () -> 1);

        assertThat(symbols.contains("ETH-USD")).isFalse();
        assertThat(symbols.contains("BTC-USD")).isTrue();
    }

    private static EventBatch symbolAdded(final long seq, final String symbol)
    {
        final String[] assets = symbol.split("-");
        final Command command = new Command().symbol(0, AsciiName.hi(symbol), AsciiName.lo(symbol),
            AsciiName.hi(assets[0]), AsciiName.lo(assets[0]), AsciiName.hi(assets[1]), AsciiName.lo(assets[1]), 1, 1);
        command.seq(seq);
        final EventBatch batch = new EventBatch();
        batch.begin(command, null);
        new BusinessLogic(SelfTradePrevention.values()[0]).apply(command, batch);
        return batch;
    }
}
