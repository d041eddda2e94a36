package engine.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import engine.readmodel.OrderView;
import engine.readmodel.WithdrawalView;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Pins the on-disk code of every persisted enum constant: the journal, its snapshots, the event
 * store, the read-model snapshots and the state hash use these numbers, so renumbering,
 * reordering or removing a constant must fail here rather than silently misread stored data.
 * A new constant needs a new code and a line below.
 */
class StableCodesTest
{
    @Test
    void commandTypeCodesArePinned()
    {
        assertPinned(CommandType.values(), CommandType::fromCode, "CommandType",
            "SYMBOL", 0, "DEPOSIT", 1, "WITHDRAW", 2, "PLACE", 3, "CANCEL", 4, "AMEND", 5, "TICK", 6,
            "WITHDRAW_REQUEST", 7, "WITHDRAW_CONFIRM", 8, "WITHDRAW_FAIL", 9, "DEPOSIT_NOTIFY", 10, "BALANCE_ADJUST", 11,
            "TRADE_BUST", 12);
    }

    @Test
    void eventTypeCodesArePinned()
    {
        assertPinned(EventType.values(), EventType::fromCode, "EventType",
            "ACCEPTED", 0, "REJECTED", 1, "TRADE", 2, "CANCELED", 3, "AMENDED", 4, "DEPOSITED", 5, "WITHDRAWN", 6,
            "SYMBOL_ADDED", 7, "WITHDRAW_PENDING", 8, "WITHDRAW_ATTEMPT", 9, "WITHDRAW_CONFIRMED", 10,
            "WITHDRAW_FAILED", 11, "WITHDRAW_TIMED_OUT", 12, "BALANCE_ADJUSTED", 13, "TRADE_BUSTED", 14,
            "WITHDRAW_CANCELLING", 15);
    }

    @Test
    void sideCodesArePinned()
    {
        assertPinned(Side.values(), Side::fromCode, "Side", "BUY", 0, "SELL", 1);
    }

    @Test
    void orderTypeCodesArePinned()
    {
        assertPinned(OrderType.values(), OrderType::fromCode, "OrderType", "LIMIT", 0, "MARKET", 1);
    }

    @Test
    void timeInForceCodesArePinned()
    {
        assertPinned(TimeInForce.values(), TimeInForce::fromCode, "TimeInForce",
            "GTC", 0, "IOC", 1, "FOK", 2, "GTD", 3, "POST_ONLY", 4);
    }

    @Test
    void selfTradePreventionCodesArePinned()
    {
        assertPinned(SelfTradePrevention.values(), SelfTradePrevention::fromCode, "SelfTradePrevention",
            "NONE", 0, "CANCEL_RESTING", 1, "CANCEL_INCOMING", 2);
    }

    @Test
    void reasonCodesArePinned()
    {
        final Map<String, Integer> expected = pairs("NONE", 0, "UNKNOWN_SYMBOL", 10, "UNKNOWN_ACCOUNT", 11,
            "INVALID_QTY", 12, "INVALID_PRICE", 13, "INVALID_TIF", 14, "DUPLICATE_ORDER_ID", 15,
            "INSUFFICIENT_FUNDS", 20, "FOK_NOT_FILLABLE", 21, "POST_ONLY_WOULD_TAKE", 22, "UNKNOWN_ORDER", 30,
            "USER", 31, "EXPIRED", 32, "IOC_REMAINDER", 33, "SELF_TRADE", 34, "AMENDED_TO_ZERO", 35,
            "INVALID_AMOUNT", 40, "DUPLICATE_SYMBOL", 41, "INVALID_SCALE", 42, "UNKNOWN_WITHDRAWAL", 43,
            "DUPLICATE_TRANSFER", 44, "INVALID_TIMEOUT", 45, "STALE_ATTEMPT", 46, "INVALID_REASON_CODE", 47,
            "UNKNOWN_TRADE", 48, "DUPLICATE_BUST", 49, "INTERNAL_ERROR", 90);
        assertThat(codes(Reason.values())).isEqualTo(expected);
        assertUnique(Reason.values());
        for (final Reason reason : Reason.values())
        {
            assertThat(Reason.fromCode(reason.code())).isSameAs(reason);
        }
        // Reason answers null for an unknown code; its callers decide (EventBatch.checkRecord fails).
        assertThat(Reason.fromCode(1)).isNull();
        assertThat(Reason.fromCode(-1)).isNull();
        assertThat(Reason.fromCode(1000)).isNull();
    }

    @Test
    void orderStateCodesArePinned()
    {
        assertPinned(OrderView.State.values(), OrderView.State::fromCode, "OrderView.State",
            "NEW", 0, "PARTIALLY_FILLED", 1, "FILLED", 2, "CANCELLED", 3, "REJECTED", 4);
    }

    @Test
    void withdrawalStateCodesArePinned()
    {
        assertPinned(WithdrawalView.State.values(), WithdrawalView.State::fromCode, "WithdrawalView.State",
            "PENDING", 0, "CONFIRMED", 1, "FAILED", 2, "TIMED_OUT", 3, "CANCELLING", 4);
    }

    @Test
    void aTableRefusesARepeatedCode()
    {
        assertThatThrownBy(() -> EnumCodes.table(Clash.values()))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("Clash.B").hasMessageContaining("share code 1");
    }

    /** Two constants with one code: the mistake a table must refuse. */
    private enum Clash implements Coded
    {
        A(1),
        B(1);

        private final int code;

        Clash(final int code)
        {
            this.code = code;
        }

        @Override
        public int code()
        {
            return code;
        }
    }

    /** Checks every constant's code, uniqueness, decoding both ways and the failure for unknown codes. */
    private static <E extends Enum<E> & Coded> void assertPinned(final E[] values, final IntFunction<E> fromCode,
        final String enumName, final Object... nameCodePairs)
    {
        assertThat(codes(values)).as(enumName + " codes").isEqualTo(pairs(nameCodePairs));
        assertUnique(values);
        for (final E value : values)
        {
            assertThat(fromCode.apply(value.code())).isSameAs(value);
        }
        for (final int unknown : new int[] {-1, values.length, 255, Integer.MAX_VALUE})
        {
            assertThatThrownBy(() -> fromCode.apply(unknown))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown " + enumName + " code " + unknown);
        }
    }

    private static <E extends Enum<E> & Coded> Map<String, Integer> codes(final E[] values)
    {
        final Map<String, Integer> codes = new LinkedHashMap<>();
        for (final E value : values)
        {
            codes.put(value.name(), value.code());
        }
        return codes;
    }

    private static <E extends Enum<E> & Coded> void assertUnique(final E[] values)
    {
        final Set<Integer> seen = new HashSet<>();
        for (final E value : values)
        {
            assertThat(seen.add(value.code())).as("code " + value.code() + " of " + value + " is unique").isTrue();
        }
    }

    private static Map<String, Integer> pairs(final Object... nameCodePairs)
    {
        final Map<String, Integer> map = new LinkedHashMap<>();
        for (int i = 0; i < nameCodePairs.length; i += 2)
        {
            map.put((String)nameCodePairs[i], (Integer)nameCodePairs[i + 1]);
        }
        return map;
    }
}
