package engine.app;

import static org.assertj.core.api.Assertions.assertThat;

import engine.api.AsciiName;
import engine.api.Command;
import engine.api.CommandResult;
import engine.api.OrderType;
import engine.api.SelfTradePrevention;
import engine.api.Side;
import engine.api.TimeInForce;
import engine.core.ResultListener;
import engine.core.WaitStrategyType;
import engine.format.CanonicalFormat;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The README's Java API example, so that it cannot drift from the code. */
class ReadmeExampleTest
{
    @Test
    void shouldRunTheReadmeExample() throws Exception
    {
        final EngineConfig config = EngineConfig.builder()
            .waitStrategy(WaitStrategyType.SLEEPING)
            .outputWaitStrategy(WaitStrategyType.BLOCKING)
            .selfTradePrevention(SelfTradePrevention.CANCEL_RESTING)
            .ingressRingSize(1 << 16)
            .build();
        try (Engine engine = Engine.start(config))
        {
            engine.submit(new Command().symbol(0, AsciiName.hi("BTC-USD"), AsciiName.lo("BTC-USD"),
                AsciiName.hi("BTC"), 0, AsciiName.hi("USD"), 0, 1, 1));
            final CommandResult result =
                engine.submit(new Command().deposit(0, 1, AsciiName.hi("USD"), 0, 1_000_000)).join();
            assertThat(result.events()).extracting(CanonicalFormat::line).containsExactly("2,DEPOSITED,1,USD,1000000");

            final Command command = new Command().place(0, 1, 7, AsciiName.hi("BTC-USD"), AsciiName.lo("BTC-USD"),
                Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 0, true, 100, 5);
            final AtomicInteger events = new AtomicInteger();
            final CountDownLatch done = new CountDownLatch(2);
            final ResultListener listener = batch ->
            {
                events.addAndGet(batch.count());
                done.countDown();
            };
            engine.submit(command, listener);
            final boolean accepted = engine.trySubmit(command, listener);
            assertThat(accepted).isTrue();
            assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(events.get()).isEqualTo(2); // ACCEPTED, then REJECTED DUPLICATE_ORDER_ID
        }
    }
}
