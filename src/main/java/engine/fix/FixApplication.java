package engine.fix;

import java.io.PrintStream;
import java.util.Map;
import quickfix.DoNotSend;
import quickfix.FieldNotFound;
import quickfix.Message;
import quickfix.RejectLogon;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.UnsupportedMessageType;
import quickfix.field.BusinessRejectReason;
import quickfix.field.MsgSeqNum;
import quickfix.field.MsgType;
import quickfix.field.PossDupFlag;
import quickfix.field.RefMsgType;
import quickfix.field.RefSeqNum;
import quickfix.field.RefTagID;
import quickfix.field.SessionRejectReason;
import quickfix.field.Text;

/**
 * The QuickFIX/J application: Logon goes to the {@link LogonAuthenticator}, order entry to
 * {@link OrderEntry}, market data to {@link MarketData}. A message the gateway refuses gets a
 * Reject(3) or BusinessMessageReject(j) naming the tag and the reason; a message type it does
 * not handle gets BusinessMessageReject "unsupported message type" (QuickFIX/J's own answer).
 * Nothing a client sends stops the session or the engine.
 */
final class FixApplication implements quickfix.Application
{
    private final Map<SessionID, FixSession> sessions;
    private final LogonAuthenticator authenticator;
    private final OrderEntry orders;
    private final MarketData marketData;
    private final PrintStream log;

    FixApplication(final Map<SessionID, FixSession> sessions, final LogonAuthenticator authenticator,
        final OrderEntry orders, final MarketData marketData, final PrintStream log)
    {
        this.sessions = sessions;
        this.authenticator = authenticator;
        this.orders = orders;
        this.marketData = marketData;
        this.log = log;
    }

    @Override
    public void onCreate(final SessionID sessionId)
    {
    }

    @Override
    public void onLogon(final SessionID sessionId)
    {
        log.println("fix: logon " + sessionId.getTargetCompID());
    }

    @Override
    public void onLogout(final SessionID sessionId)
    {
        marketData.unsubscribeAll(sessionId);
    }

    @Override
    public void toAdmin(final Message message, final SessionID sessionId)
    {
    }

    @Override
    public void fromAdmin(final Message message, final SessionID sessionId) throws RejectLogon
    {
        if (MsgType.LOGON.equals(msgType(message)))
        {
            authenticator.check(message, sessionId);
        }
    }

    /** Market data is never resent: a resend request for it gets a gap fill (it would be stale). */
    @Override
    public void toApp(final Message message, final SessionID sessionId) throws DoNotSend
    {
        final String type = msgType(message);
        if ((MsgType.MARKET_DATA_SNAPSHOT_FULL_REFRESH.equals(type) || MsgType.MARKET_DATA_INCREMENTAL_REFRESH.equals(type))
            && message.getHeader().isSetField(PossDupFlag.FIELD))
        {
            throw new DoNotSend();
        }
    }

    @Override
    public void fromApp(final Message message, final SessionID sessionId) throws UnsupportedMessageType
    {
        final FixSession session = sessions.get(sessionId);
        final String type = msgType(message);
        try
        {
            switch (type)
            {
                case MsgType.ORDER_SINGLE -> orders.newOrder(message, session);
                case MsgType.ORDER_CANCEL_REQUEST -> orders.cancel(message, session);
                case MsgType.ORDER_CANCEL_REPLACE_REQUEST -> orders.replace(message, session);
                case MsgType.ORDER_STATUS_REQUEST -> orders.status(message, session);
                case MsgType.MARKET_DATA_REQUEST -> marketData.request(message, session);
                default -> throw new UnsupportedMessageType();
            }
        }
        catch (final FixReject e)
        {
            reject(message, type, sessionId, e);
        }
    }

    private static void reject(final Message refused, final String type, final SessionID sessionId, final FixReject e)
    {
        final Message reply = e.business ? new quickfix.fix44.BusinessMessageReject() : new quickfix.fix44.Reject();
        try
        {
            reply.setInt(RefSeqNum.FIELD, refused.getHeader().getInt(MsgSeqNum.FIELD));
        }
        catch (final FieldNotFound ignored)
        {
            reply.setInt(RefSeqNum.FIELD, 0);
        }
        reply.setString(RefMsgType.FIELD, type);
        if (e.business)
        {
            // BusinessMessageReject has no RefTagID(371) in FIX 4.4: the tag goes in the text.
            reply.setInt(BusinessRejectReason.FIELD, e.reason);
            reply.setString(Text.FIELD, "tag " + e.tag + ": " + e.getMessage());
        }
        else
        {
            reply.setInt(SessionRejectReason.FIELD, e.reason);
            reply.setInt(RefTagID.FIELD, e.tag);
            reply.setString(Text.FIELD, e.getMessage());
        }
        Session.lookupSession(sessionId).send(reply);
    }

    private static String msgType(final Message message)
    {
        return ClientSessions.msgType(message);
    }
}
