package engine.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import engine.api.Command;
import engine.api.OrderType;
import engine.api.Side;
import engine.api.TimeInForce;
import engine.core.EventBatch;
import org.junit.jupiter.api.Test;

/** Each account's order ids map to engine-wide ids of their own, and the mapping can be rebuilt from the output. */
class ClientOrderIdsTest
{
    private static EventBatch placed(final long account, final long clientId, final long engineId)
    {
        final EventBatch batch = new EventBatch();
        batch.begin(new Command().place(0, account, engineId, 1, 2, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 0, true, 1, 1)
            .clientOrderId(clientId), null);
        return batch;
    }

    @Test
    void shouldGiveTheSameClientIdOfTwoAccountsTwoEngineIds()
    {
        final ClientOrderIds ids = new ClientOrderIds();
        final long a = ids.engineIdFor(1, 42);
        final long b = ids.engineIdFor(2, 42);

        assertThat(a).isNotEqualTo(b).isGreaterThanOrEqualTo(ClientOrderIds.FIRST_ENGINE_ID);
        assertThat(ids.engineIdFor(1, 42)).as("a pair keeps its id").isEqualTo(a);
        assertThat(ids.find(2, 42)).isEqualTo(b);
        assertThat(ids.find(3, 42)).isEqualTo(ClientOrderIds.NONE);
        assertThat(ids.clientOrderId(b, -1)).isEqualTo(42);
        assertThat(ids.clientOrderId(7, -1)).as("an engine-wide id of the line protocol").isEqualTo(-1);
    }

    @Test
    void shouldRebuildTheMappingAndCarryAllocationOnAfterTheLastLearnedId()
    {
        final ClientOrderIds before = new ClientOrderIds();
        final long a = before.engineIdFor(1, Long.MIN_VALUE);
        final long b = before.engineIdFor(2, 5);
        final ClientOrderIds after = new ClientOrderIds();
        after.learn(placed(2, 5, b));
        after.learn(placed(1, Long.MIN_VALUE, a));

        assertThat(after.find(1, Long.MIN_VALUE)).isEqualTo(a);
        assertThat(after.clientOrderId(a, 0)).isEqualTo(Long.MIN_VALUE);
        assertThat(after.find(2, 5)).isEqualTo(b);
        assertThat(after.engineIdFor(3, 1)).as("never an id already given").isGreaterThan(Math.max(a, b));
    }
}
