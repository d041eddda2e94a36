package engine.fix;

import engine.http.ApiKeys;
import java.io.PrintStream;
import java.util.Map;
import quickfix.FieldNotFound;
import quickfix.Message;
import quickfix.RejectLogon;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.field.Password;
import quickfix.field.Username;

/**
 * Checks a Logon(A): the client's SenderCompID is configured for an account, Username(553) is
 * that account's number, and Password(554) is that account's own API key (the same keys the
 * HTTP API uses, {@code DIR/api-keys.properties}; the operator key does not log on to FIX).
 * A refusal is logged and answered with a Logout carrying the reason, then a disconnect.
 */
final class LogonAuthenticator
{
    private final ApiKeys keys;
    private final Map<String, Long> accounts;
    private final PrintStream log;

    LogonAuthenticator(final ApiKeys keys, final Map<String, Long> accounts, final PrintStream log)
    {
        this.keys = keys;
        this.accounts = accounts;
        this.log = log;
    }

    void check(final Message logon, final SessionID session) throws RejectLogon
    {
        final String client = session.getTargetCompID();
        final Long account = accounts.get(client);
        final String refusal = refusal(logon, account);
        if (refusal != null)
        {
            final Session s = Session.lookupSession(session);
            final String from = s == null ? "?" : s.getRemoteAddress();
            log.println("fix: logon refused: " + client + " from " + from + ": " + refusal);
            throw new RejectLogon("logon refused: " + refusal);
        }
    }

    private String refusal(final Message logon, final Long account)
    {
        if (account == null)
        {
            return "SenderCompID not configured";
        }
        final String username = optional(logon, Username.FIELD);
        final String password = optional(logon, Password.FIELD);
        if (username == null || password == null)
        {
            return "Username(553) and Password(554) required";
        }
        if (!username.equals(Long.toString(account)))
        {
            return "Username(553) is not this session's account";
        }
        if (!keys.isAccountKey(password, account))
        {
            return "wrong Password(554) for account " + account;
        }
        return null;
    }

    private static String optional(final Message m, final int tag)
    {
        try
        {
            return m.isSetField(tag) ? m.getString(tag) : null;
        }
        catch (final FieldNotFound e)
        {
            return null;
        }
    }
}
