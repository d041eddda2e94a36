package engine.gateway;

import engine.readmodel.DepthView;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

/**
 * Whether a symbol exists, for the front ends' order entry and queries, answered from the depth
 * read model with read-your-writes: a client that has just had a SYMBOL acknowledged must be able
 * to trade and query it at once. Read models are fed in parallel with the handler that releases results, so the depth model
 * can be a few commands behind an acknowledgement; before calling a symbol unknown, this waits
 * (bounded) until the model has applied every command submitted so far.
 */
public final class KnownSymbols
{
    /**
     * Bound on the catch-up wait. A really unknown symbol does not pay it (the model has already reached
     * the target seq, so the wait returns at once); only a lagging model does, and a cluster follower's
     * read side can trail the commit by more than a second on a loaded machine.
     */
    private static final long CATCH_UP_MILLIS = 5_000;

    private final DepthView depth;
    private final LongSupplier lastSubmittedSeq;

    /** @param lastSubmittedSeq the sequence number of the newest command the engine has taken */
    public KnownSymbols(final DepthView depth, final LongSupplier lastSubmittedSeq)
    {
        this.depth = depth;
        this.lastSubmittedSeq = lastSubmittedSeq;
    }

    public boolean contains(final String symbol)
    {
        if (depth.hasSymbol(symbol))
        {
            return true;
        }
        try
        {
            depth.awaitApplied(lastSubmittedSeq.getAsLong(), CATCH_UP_MILLIS);
        }
        catch (final TimeoutException e)
        {
            return false;
        }
        return depth.hasSymbol(symbol);
    }
}
