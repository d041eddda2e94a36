package engine.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.lmax.disruptor.RingBuffer;
import engine.api.EventType;
import engine.api.Reason;
import engine.core.CommandSlot;
import engine.core.EventBatch;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** An exception in the business logic is a bug: it is reported, the command rejected, and the stage goes on. */
class BusinessLogicFaultTest
{
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final FaultLog faults = new FaultLog(new PrintStream(log, true, StandardCharsets.UTF_8));
    private final RingBuffer<EventBatch> output = RingBuffer.createSingleProducer(EventBatch::new, 8);

    @Test
    void shouldRejectTheCommandThatFailedLogItAndKeepGoing()
    {
        final BusinessLogicStage stage = new BusinessLogicStage((command, sink) ->
        {
            sink.accepted(command.orderId(), command.account(), 0, 0, command.side(), command.orderType(),
                command.tif(), command.price(), command.qty());
            if (command.orderId() == 13)
            {
                throw new IllegalStateException("boom");
            }
        }, output, faults);

        final CommandSlot unlucky = new CommandSlot();
        unlucky.cancel(5, 1, 13).seq(1);
        stage.onEvent(unlucky, 0, true);
        final CommandSlot next = new CommandSlot();
        next.cancel(6, 1, 14).seq(2);
        stage.onEvent(next, 1, true);

        final EventBatch failed = output.get(0);
        assertThat(failed.count()).isEqualTo(1);
        assertThat(failed.type(0)).isEqualTo(EventType.REJECTED);
        assertThat(failed.reason(0)).isEqualTo(Reason.INTERNAL_ERROR);
        assertThat(failed.orderId(0)).isEqualTo(13);
        assertThat(output.get(1).type(0)).isEqualTo(EventType.ACCEPTED);
        assertThat(output.getCursor()).isEqualTo(1);
        assertThat(faults.count()).isEqualTo(1);
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("seq 1").contains("CANCEL,5,1,13").contains("boom");
    }
}
