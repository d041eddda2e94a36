package engine.app;

import com.lmax.disruptor.ExceptionHandler;

/**
 * Keeps a stage alive when its handler throws: a Disruptor handler that throws would kill
 * its thread, and producers would then block forever once the ring fills.
 */
final class StageFaultHandler implements ExceptionHandler<Object>
{
    private final FaultLog faults;

    StageFaultHandler(final FaultLog faults)
    {
        this.faults = faults;
    }

    @Override
    public void handleEventException(final Throwable ex, final long sequence, final Object event)
    {
        faults.report(String.valueOf(event == null ? "stage" : event.getClass().getSimpleName()), sequence, ex);
    }

    @Override
    public void handleOnStartException(final Throwable ex)
    {
        faults.report("stage start", -1, ex);
    }

    @Override
    public void handleOnShutdownException(final Throwable ex)
    {
        faults.report("stage shutdown", -1, ex);
    }
}
