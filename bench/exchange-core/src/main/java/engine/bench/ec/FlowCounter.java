package engine.bench.ec;

import exchange.core2.core.common.cmd.OrderCommand;
import exchange.core2.core.common.cmd.OrderCommandType;
import java.util.function.ObjLongConsumer;

/**
 * exchange-core's results consumer for timed runs: counts the order commands (place, move, cancel)
 * whose results have left the engine, and hands each one to {@link #onFlowResult}. Runs on
 * exchange-core's results thread; allocation-free.
 */
class FlowCounter implements ObjLongConsumer<OrderCommand>
{
    private volatile long done;

    @Override
    public final void accept(final OrderCommand cmd, final long seq)
    {
        final OrderCommandType type = cmd.command;
        if (type == OrderCommandType.PLACE_ORDER || type == OrderCommandType.MOVE_ORDER ||
            type == OrderCommandType.CANCEL_ORDER)
        {
            onFlowResult(cmd, done);
            done = done + 1; // single writer: the results thread
        }
    }

    /**
     * Called before the count moves on.
     *
     * @param index how many order results came before this one
     */
    void onFlowResult(final OrderCommand cmd, final long index)
    {
    }

    /** Order results so far (set-up orders included). */
    final long done()
    {
        return done;
    }

    /** Waits, yielding the core, until {@code count} order results have left the engine. */
    final void awaitDone(final long count)
    {
        while (done < count)
        {
            Thread.yield();
        }
    }
}
