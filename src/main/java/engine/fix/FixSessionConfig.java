package engine.fix;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import quickfix.SessionID;
import quickfix.SessionSettings;

/**
 * Which clients may connect and for which account, from {@value #FILE_NAME} in the data
 * directory, one line per client:
 * <pre>
 * # client SenderCompID = account
 * CLIENT1 = 1
 * </pre>
 * and the QuickFIX/J acceptor settings built from it: FIX 4.4, our CompID {@value #ENGINE_COMP_ID},
 * a 24-hour session that never resets its sequence numbers, messages stored (file store) and
 * logged under {@code DIR/fix}, incoming messages validated against the FIX 4.4 dictionary.
 */
final class FixSessionConfig
{
    static final String FILE_NAME = "fix-sessions.properties";
    /** Our SenderCompID(49): clients send it as TargetCompID(56). */
    static final String ENGINE_COMP_ID = "ENGINE";
    /** The FIX state directory inside the data directory: {@code store/} and {@code log/}. */
    static final String FIX_DIR = "fix";
    /** Scheduled socket writes after which QuickFIX/J disconnects a client that stopped reading. */
    static final int MAX_SCHEDULED_WRITES = 10_000;

    private final Map<String, Long> accounts;

    private FixSessionConfig(final Map<String, Long> accounts)
    {
        this.accounts = Map.copyOf(accounts);
    }

    /** Reads {@code DIR/fix-sessions.properties}; a bad CompID or account is an error naming the line. */
    static FixSessionConfig load(final Path dataDir) throws IOException
    {
        final Path file = dataDir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file))
        {
            throw new IOException("--fix needs a session file, " + file + " (see docs/FIX.md)");
        }
        final Properties props = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8))
        {
            props.load(in);
        }
        final Map<String, String> entries = new TreeMap<>();
        props.forEach((k, v) -> entries.put(k.toString(), v.toString()));
        return of(entries);
    }

    /** From a CompID → account map (tests). */
    static FixSessionConfig of(final Map<String, String> entries)
    {
        final Map<String, Long> accounts = new TreeMap<>();
        entries.forEach((compId, account) ->
        {
            if (!compId.matches("[A-Za-z0-9_.-]{1,32}") || compId.equals(ENGINE_COMP_ID))
            {
                throw new IllegalArgumentException(FILE_NAME + ": bad SenderCompID '" + compId +
                    "' (1 to 32 of A-Z a-z 0-9 _ . -, not " + ENGINE_COMP_ID + ")");
            }
            final long id;
            try
            {
                id = Long.parseLong(account.trim());
            }
            catch (final NumberFormatException e)
            {
                throw new IllegalArgumentException(FILE_NAME + ": account of " + compId + " must be a number, was '" +
                    account + "'");
            }
            accounts.put(compId, id);
        });
        return new FixSessionConfig(accounts);
    }

    Map<String, Long> accounts()
    {
        return accounts;
    }

    static SessionID sessionId(final String clientCompId)
    {
        return new SessionID("FIX.4.4", ENGINE_COMP_ID, clientCompId);
    }

    /** Acceptor settings for every configured client on {@code host:port}, state under {@code DIR/fix}. */
    SessionSettings settings(final Path dataDir, final String host, final int port)
    {
        final Path dir = dataDir.resolve(FIX_DIR);
        final SessionSettings settings = new SessionSettings();
        settings.setString("ConnectionType", "acceptor");
        settings.setString("SocketAcceptAddress", host);
        settings.setLong("SocketAcceptPort", port);
        settings.setString("StartTime", "00:00:00");
        settings.setString("EndTime", "00:00:00");
        settings.setString("NonStopSession", "Y");
        settings.setString("HeartBtInt", "30");
        settings.setString("FileStorePath", dir.resolve("store").toString());
        settings.setString("FileLogPath", dir.resolve("log").toString());
        settings.setString("FileLogHeartbeats", "N");
        settings.setString("UseDataDictionary", "Y");
        settings.setString("DataDictionary", "FIX44.xml");
        settings.setString("ValidateUserDefinedFields", "N");
        settings.setString("RejectGarbledMessage", "Y");
        settings.setString("ResetOnLogon", "N");
        settings.setString("ResetOnLogout", "N");
        settings.setString("ResetOnDisconnect", "N");
        settings.setString("PersistMessages", "Y");
        settings.setLong("MaxScheduledWriteRequests", MAX_SCHEDULED_WRITES);
        for (final String client : accounts.keySet())
        {
            final SessionID id = sessionId(client);
            settings.setString(id, "BeginString", id.getBeginString());
            settings.setString(id, "SenderCompID", id.getSenderCompID());
            settings.setString(id, "TargetCompID", id.getTargetCompID());
        }
        return settings;
    }
}
