package engine.fix;

import quickfix.SessionID;

/**
 * One configured FIX session: the client's SenderCompID, the account it trades for, its
 * ClOrdIDs, and its outbox. Lives as long as the acceptor, across logons.
 */
final class FixSession
{
    final SessionID id;
    final long account;
    final ClOrdIdTable clOrdIds = new ClOrdIdTable();
    final SessionOutbox outbox;

    FixSession(final SessionID id, final long account, final SessionOutbox outbox)
    {
        this.id = id;
        this.account = account;
        this.outbox = outbox;
    }

    /** The client's SenderCompID (our TargetCompID). */
    String clientCompId()
    {
        return id.getTargetCompID();
    }
}
