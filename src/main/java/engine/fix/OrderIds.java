package engine.fix;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Engine order ids for FIX orders. Engine order ids are engine-wide and chosen by the client;
 * FIX clients choose ClOrdIDs instead, so the gateway picks the engine id from its own range,
 * {@code [3 * 2^61, 2^63)}, above the HTTP front end's client order ids ({@code [2^62, 3 * 2^61)},
 * {@code engine.gateway.ClientOrderIds}); TCP clients and command files must stay below 2^62
 * (docs/FIX.md). ClOrdIDs are
 * mapped to these ids per session by {@link ClOrdIdTable}.
 *
 * <p>Ids are {@code BASE + n}, with {@code n} starting at the recovered journal's last sequence
 * number plus one. Every id handed out is followed by exactly one submitted command, so a run
 * that starts at {@code lastSeq + 1} hands out at most as many ids as it journals commands: the
 * next run, starting after the new last sequence, never reuses an id of an earlier run, and no
 * id needs to be stored.
 */
final class OrderIds
{
    /** The first engine order id of the FIX range. */
    static final long BASE = 3L << 61;
    private final AtomicLong next;

    OrderIds(final long recoveredLastSeq)
    {
        next = new AtomicLong(BASE + recoveredLastSeq + 1);
    }

    /** A fresh engine order id; the caller must submit exactly one command with it. */
    long next()
    {
        return next.getAndIncrement();
    }

    /** Whether {@code engineOrderId} lies in the FIX range (cheap: no lookup for other clients' orders). */
    static boolean isFix(final long engineOrderId)
    {
        return engineOrderId >= BASE;
    }
}
