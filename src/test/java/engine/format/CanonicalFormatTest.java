package engine.format;

import static org.assertj.core.api.Assertions.assertThat;

import engine.api.AsciiName;
import engine.api.Command;
import engine.api.Event;
import engine.api.EventType;
import engine.api.OrderType;
import engine.api.Reason;
import engine.api.Side;
import engine.api.TimeInForce;
import engine.core.EventBatch;
import engine.core.Results;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The output ring's slot and the client's {@link Event} values print the same canonical lines. */
class CanonicalFormatTest
{
    private static final long BTC_USD_HI = AsciiName.hi("BTC-USD");
    private static final long BTC_USD_LO = AsciiName.lo("BTC-USD");
    private static final long USD = AsciiName.hi("USD");

    @Test
    void shouldWriteEveryEventTypeTheSameFromTheSlotAndFromAnEvent()
    {
        final EventBatch batch = new EventBatch();
        final Command command = new Command().tick(1234);
        command.seq(17);
        batch.begin(command, null);
        batch.symbolAdded(BTC_USD_HI, BTC_USD_LO, AsciiName.hi("BTC"), 0, USD, 0, 8, 2);
        batch.deposited(1, USD, 0, 1_000);
        batch.withdrawn(2, USD, 0, 10);
        batch.accepted(42, 1, BTC_USD_HI, BTC_USD_LO, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 100, 5);
        batch.rejected(true, 43, 1, Reason.DUPLICATE_ORDER_ID);
        batch.rejected(false, 0, 1, Reason.DUPLICATE_ORDER_ID);
        batch.trade(BTC_USD_HI, BTC_USD_LO, 100, 3, 44, 42, 2, 1, Side.SELL);
        batch.canceled(42, 1, BTC_USD_HI, BTC_USD_LO, Side.BUY, 2, Reason.DUPLICATE_ORDER_ID);
        batch.amended(44, 2, BTC_USD_HI, BTC_USD_LO, Side.SELL, 101, 7);
        batch.withdrawal(EventType.WITHDRAW_PENDING, 9, 1, USD, 0, 300, 1, 5_000, 3);
        batch.withdrawal(EventType.WITHDRAW_ATTEMPT, 9, 1, USD, 0, 300, 2, 15_000, 3);
        batch.withdrawal(EventType.WITHDRAW_CONFIRMED, 9, 1, USD, 0, 300, 2, 0, 3);
        batch.withdrawal(EventType.WITHDRAW_FAILED, 10, 1, USD, 0, 300, 1, 0, 3);
        batch.withdrawal(EventType.WITHDRAW_CANCELLING, 11, 1, USD, 0, 300, 3, 0, 3);
        batch.withdrawal(EventType.WITHDRAW_TIMED_OUT, 11, 1, USD, 0, 300, 3, 0, 3);

        final AsciiBuffer out = new AsciiBuffer(16);
        CanonicalFormat.appendLines(batch, out);
        final List<String> expected = List.of(
            "17,SYMBOL_ADDED,BTC-USD",
            "17,DEPOSITED,1,USD,1000",
            "17,WITHDRAWN,2,USD,10",
            "17,ACCEPTED,42",
            "17,REJECTED,43,DUPLICATE_ORDER_ID",
            "17,REJECTED,,DUPLICATE_ORDER_ID",
            "17,TRADE,BTC-USD,100,3,44,42,2,1,SELL",
            "17,CANCELED,42,2,DUPLICATE_ORDER_ID",
            "17,AMENDED,44,101,7",
            "17,WITHDRAW_PENDING,9,1,USD,300,1,5000",
            "17,WITHDRAW_ATTEMPT,9,1,USD,300,2,15000",
            "17,WITHDRAW_CONFIRMED,9,1,USD,300,2",
            "17,WITHDRAW_FAILED,10,1,USD,300,1",
            "17,WITHDRAW_CANCELLING,11,1,USD,300,3",
            "17,WITHDRAW_TIMED_OUT,11,1,USD,300,3");
        assertThat(out.toString()).isEqualTo(String.join("\n", expected) + "\n");
        assertThat(Results.copy(batch).events()).extracting(CanonicalFormat::line).containsExactlyElementsOf(expected);
    }
}
