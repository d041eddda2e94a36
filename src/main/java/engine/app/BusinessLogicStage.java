package engine.app;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.RingBuffer;
import engine.api.CommandType;
import engine.api.Reason;
import engine.core.CommandSlot;
import engine.core.EventBatch;
import engine.core.ResultListener;
import engine.api.CommandProcessor;
import engine.logic.BusinessLogic;

/**
 * Binds the business logic to the rings: each command from the ingress ring is applied into a
 * claimed output slot. Slots are published in groups (at the end of an ingress batch, or
 * every {@code PUBLISH_EVERY} commands) so consumers are signalled once per group.
 *
 * <p>An exception escaping the logic is a bug: the command's partial events are dropped, it is
 * rejected {@code INTERNAL_ERROR}, the fault is reported with the command, and the thread goes on.
 */
final class BusinessLogicStage implements EventHandler<CommandSlot>
{
    private static final int PUBLISH_EVERY = 64;
    private final int publishEvery;
    private final CommandProcessor logic;
    private final RingBuffer<EventBatch> output;
    private final FaultLog faults;
    private final BusinessLogic dueTimes;
    private final DueTime dueTime;
    private long firstUnpublished = -1;
    private long lastClaimed = -1;

    BusinessLogicStage(final CommandProcessor logic, final RingBuffer<EventBatch> output, final FaultLog faults)
    {
        this(logic, output, faults, null);
    }

    /** @param dueTime where the next due time of {@code logic} is published after each batch (null: nowhere). */
    BusinessLogicStage(final CommandProcessor logic, final RingBuffer<EventBatch> output, final FaultLog faults,
        final DueTime dueTime)
    {
        this.logic = logic;
        this.dueTimes = dueTime != null && logic instanceof BusinessLogic business ? business : null;
        this.dueTime = dueTime;
        this.output = output;
        this.faults = faults;
        // Claimed but unpublished slots must never fill the output ring, or claiming would wait forever.
        this.publishEvery = Math.min(PUBLISH_EVERY, output.getBufferSize() / 2);
    }

    @Override
    public void onEvent(final CommandSlot command, final long sequence, final boolean endOfBatch)
    {
        final long slot = output.next();
        if (firstUnpublished < 0)
        {
            firstUnpublished = slot;
        }
        lastClaimed = slot;
        final EventBatch batch = output.get(slot);
        final ResultListener listener = command.listener();
        batch.begin(command, listener);
        if (listener != null)
        {
            command.listener(null);
        }
        try
        {
            logic.apply(command, batch);
        }
        catch (final Throwable t)
        {
            batch.discardEvents();
            final boolean orderCommand = command.type() == CommandType.PLACE || command.type() == CommandType.CANCEL ||
                command.type() == CommandType.AMEND;
            batch.rejected(orderCommand, command.orderId(), command.account(), Reason.INTERNAL_ERROR);
            faults.report(command, t);
        }
        if (endOfBatch || lastClaimed - firstUnpublished + 1 >= publishEvery)
        {
            output.publish(firstUnpublished, lastClaimed);
            firstUnpublished = -1;
        }
        if (endOfBatch && dueTimes != null)
        {
            dueTime.publish(dueTimes.nextDueTime());
        }
    }
}
