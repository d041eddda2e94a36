package engine.fix;

import java.nio.file.Path;
import quickfix.FieldNotFound;
import quickfix.Message;
import quickfix.SessionID;
import quickfix.SessionSettings;
import quickfix.field.MsgType;
import quickfix.field.Password;
import quickfix.field.Username;

/**
 * The client side of this gateway's rules of engagement for QuickFIX/J initiators (the example
 * client, the tests and the benchmark): session identity, initiator settings, Logon credentials.
 */
public final class ClientSessions
{
    private ClientSessions()
    {
    }

    /** The session {@code senderCompId} has with the gateway. */
    public static SessionID sessionId(final String senderCompId)
    {
        return new SessionID("FIX.4.4", senderCompId, FixSessionConfig.ENGINE_COMP_ID);
    }

    /**
     * Initiator settings: 24-hour session, reconnect every second, incoming messages validated
     * against FIX 4.4, sequence numbers kept in {@code store} (a directory; null: the caller
     * uses a memory store).
     */
    public static SessionSettings initiator(final String senderCompId, final String host, final int port,
        final Path store)
    {
        final SessionID id = sessionId(senderCompId);
        final SessionSettings settings = new SessionSettings();
        settings.setString("ConnectionType", "initiator");
        settings.setString("SocketConnectHost", host);
        settings.setLong("SocketConnectPort", port);
        settings.setString("StartTime", "00:00:00");
        settings.setString("EndTime", "00:00:00");
        settings.setString("HeartBtInt", "30");
        settings.setString("ReconnectInterval", "1");
        settings.setString("UseDataDictionary", "Y");
        settings.setString("DataDictionary", "FIX44.xml");
        if (store != null)
        {
            settings.setString("FileStorePath", store.toString());
        }
        settings.setString(id, "BeginString", id.getBeginString());
        settings.setString(id, "SenderCompID", id.getSenderCompID());
        settings.setString(id, "TargetCompID", id.getTargetCompID());
        return settings;
    }

    /** Puts Username(553) and Password(554) on an outgoing Logon (call from {@code toAdmin}); null ones are left out. */
    public static void credentials(final Message message, final String username, final String password)
    {
        if (MsgType.LOGON.equals(msgType(message)))
        {
            if (username != null)
            {
                message.setString(Username.FIELD, username);
            }
            if (password != null)
            {
                message.setString(Password.FIELD, password);
            }
        }
    }

    /** MsgType(35) of {@code message}, or "" when it has none. */
    public static String msgType(final Message message)
    {
        try
        {
            return message.getHeader().getString(MsgType.FIELD);
        }
        catch (final FieldNotFound e)
        {
            return "";
        }
    }
}
