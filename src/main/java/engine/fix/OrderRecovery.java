package engine.fix;

import engine.readmodel.AccountView;
import engine.readmodel.OrderView;
import engine.readmodel.ReadModels;
import java.math.BigDecimal;
import java.util.Collection;

/**
 * After a restart, finds the FIX orders still open in the engine (from the read models, which
 * caught up from the event store) and tracks them again, so that their fills and expiries keep
 * reaching their session. ClOrdIDs are not stored: a recovered order answers to its OrderID(37)
 * as ClOrdID (docs/FIX.md, Limits).
 */
final class OrderRecovery
{
    private OrderRecovery()
    {
    }

    /** @return how many open FIX orders were tracked again */
    static int restore(final ReadModels models, final Collection<FixSession> sessions, final ReportRouter router)
    {
        int restored = 0;
        for (final FixSession session : sessions)
        {
            for (final AccountView.OpenOrder open : models.accounts().openOrders(session.account).value())
            {
                final OrderView.Status status = models.orders().status(open.orderId()).value();
                if (!OrderIds.isFix(open.orderId()) || status == null)
                {
                    continue;
                }
                final String clOrdId = Long.toString(open.orderId());
                final FixOrder order = new FixOrder(open.orderId(), session, clOrdId, open.symbol(), open.side(),
                    open.type(), open.tif(), false, true, open.price(), status.qty());
                order.restored(open.filledQty(), status.avgPrice() == null ? BigDecimal.ZERO :
                    new BigDecimal(status.avgPrice()));
                session.clOrdIds.claim(clOrdId, order);
                router.track(order);
                restored++;
            }
        }
        return restored;
    }
}
