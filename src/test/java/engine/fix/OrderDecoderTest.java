package engine.fix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import engine.api.OrderType;
import engine.api.TimeInForce;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import quickfix.Message;
import quickfix.field.ExpireTime;
import quickfix.field.Side;

/** How FIX order fields become an engine PLACE, and which ones the decoder refuses, without a network. */
class OrderDecoderTest
{
    private static final long MILLIS = 1_000_000L;
    private final OrderDecoder decoder = new OrderDecoder(MILLIS, symbol -> symbol.equals("BTC-USD"));
    private final LocalDateTime now = LocalDateTime.of(2026, 12, 2, 15, 30);

    @Test
    void shouldSendDayOrderAsGtdEndingAtNextMidnightUtc() throws FixReject
    {
        final OrderDecoder.NewOrder o = decoder.newOrder(Orders.limit("d", "BTC-USD", Side.BUY, "10", "1",
            quickfix.field.TimeInForce.DAY), now);
        assertThat(o.tif()).isEqualTo(TimeInForce.GTD);
        assertThat(o.fixDay()).isTrue();
        assertThat(o.expiry()).isEqualTo(LocalDateTime.of(2026, 12, 3, 0, 0).toInstant(ZoneOffset.UTC).toEpochMilli());
    }

    @Test
    void shouldTakeGtdExpiryFromExpireTimeInEngineUnits() throws FixReject
    {
        final Message m = Orders.limit("g", "BTC-USD", Side.SELL, "10", "1", quickfix.field.TimeInForce.GOOD_TILL_DATE);
        m.setUtcTimeStamp(ExpireTime.FIELD, LocalDateTime.of(2026, 12, 2, 16, 0, 0, 250_000_000), true);
        final OrderDecoder.NewOrder o = decoder.newOrder(m, now);
        assertThat(o.tif()).isEqualTo(TimeInForce.GTD);
        assertThat(o.expiry()).isEqualTo(
            LocalDateTime.of(2026, 12, 2, 16, 0).toInstant(ZoneOffset.UTC).toEpochMilli() + 250);
    }

    @Test
    void shouldRejectGtdWithoutExpireTimeNamingTag126()
    {
        assertThatThrownBy(() -> decoder.newOrder(Orders.limit("g", "BTC-USD", Side.SELL, "10", "1",
            quickfix.field.TimeInForce.GOOD_TILL_DATE), now))
            .isInstanceOfSatisfying(FixReject.class, e -> assertThat(e.tag).isEqualTo(126));
    }

    @Test
    void shouldMakePostOnlyFromParticipateDontInitiate() throws FixReject
    {
        final OrderDecoder.NewOrder o = decoder.newOrder(Orders.postOnly("p", "BTC-USD", Side.BUY, "10", "1"), now);
        assertThat(o.tif()).isEqualTo(TimeInForce.POST_ONLY);
    }

    @Test
    void shouldRejectPostOnlyThatIsNotGtc()
    {
        final Message m = Orders.postOnly("p", "BTC-USD", Side.BUY, "10", "1");
        m.setChar(quickfix.field.TimeInForce.FIELD, quickfix.field.TimeInForce.IMMEDIATE_OR_CANCEL);
        assertThatThrownBy(() -> decoder.newOrder(m, now))
            .isInstanceOfSatisfying(FixReject.class, e -> assertThat(e.tag).isEqualTo(59));
    }

    @Test
    void shouldDefaultMarketOrdersToIoc() throws FixReject
    {
        final OrderDecoder.NewOrder o = decoder.newOrder(Orders.market("m", "BTC-USD", Side.BUY, "3"), now);
        assertThat(o.type()).isEqualTo(OrderType.MARKET);
        assertThat(o.tif()).isEqualTo(TimeInForce.IOC);
        assertThat(o.hasPrice()).isFalse();
    }

    @Test
    void shouldAcceptWholeNumbersWrittenWithZeroFraction() throws FixReject
    {
        final OrderDecoder.NewOrder o = decoder.newOrder(Orders.limit("z", "BTC-USD", Side.BUY, "30000.00", "5.0",
            quickfix.field.TimeInForce.GOOD_TILL_CANCEL), now);
        assertThat(o.price()).isEqualTo(30000);
        assertThat(o.qty()).isEqualTo(5);
    }

    @Test
    void shouldRejectUnknownSymbolAsBusinessReject()
    {
        assertThatThrownBy(() -> decoder.newOrder(Orders.limit("u", "ETH-USD", Side.BUY, "1", "1",
            quickfix.field.TimeInForce.GOOD_TILL_CANCEL), now))
            .isInstanceOfSatisfying(FixReject.class, e ->
            {
                assertThat(e.business).isTrue();
                assertThat(e.reason).isEqualTo(FixReject.UNKNOWN_SECURITY);
            });
    }
}
