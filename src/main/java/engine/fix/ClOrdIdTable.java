package engine.fix;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * One session's ClOrdID(11) → order table: every ClOrdID the session used (for a new order, a
 * cancel or a replace) names the order it was about, so a duplicate ClOrdID is refused and
 * OrigClOrdID(41) finds the order. Kept for the life of the process; a per-account client-id
 * mapping shared with the HTTP API can replace it behind the same two operations.
 */
final class ClOrdIdTable
{
    private final ConcurrentMap<String, FixOrder> byClOrdId = new ConcurrentHashMap<>();

    /**
     * Binds {@code clOrdId} to {@code order} unless it was used before.
     *
     * @return false, with nothing changed, for a ClOrdID this session already used
     */
    boolean claim(final String clOrdId, final FixOrder order)
    {
        return byClOrdId.putIfAbsent(clOrdId, order) == null;
    }

    /** @return the order {@code clOrdId} was used for, or null when the session never used it. */
    FixOrder find(final String clOrdId)
    {
        return byClOrdId.get(clOrdId);
    }
}
