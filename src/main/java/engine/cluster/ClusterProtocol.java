package engine.cluster;

/**
 * The messages between cluster clients and the engine service, little-endian (Agrona's default).
 * <pre>
 * ingress (client to cluster log):
 *   0 u8  kind: COMMAND or STATUS
 *   1 i64 client id (chosen by the client, stable across its reconnects)
 *   9 i64 request number (1, 2, 3 ... per client, in the order the client sends them)
 *  17 ... COMMAND: the command as a journal entry (engine.journal.CommandCodec), seq and time ignored
 * egress (service to the sending session):
 *   0 u8  kind: RESULT, DUPLICATE, OUT_OF_ORDER, STATUS or MALFORMED
 *   1 i64 request number
 *   9 i64 RESULT, DUPLICATE: the command's seq; OUT_OF_ORDER: the request number expected; STATUS: last seq
 *  17 i64 RESULT, DUPLICATE: the command's time; STATUS: state hash
 *  25 i32 RESULT, DUPLICATE: event count, then the events ({@link EventRecords}); STATUS: member id of the leader
 *  29 i64 STATUS: commands applied
 * </pre>
 * A client's requests are applied exactly once and in order: the service keeps, per client id,
 * the next request number it expects; an older one is a DUPLICATE (already applied, answered
 * without applying it again, with the original seq, time and events while the service's
 * {@link ReplyHistory} keeps them, otherwise with seq 0, time 0 and no events), a newer one is OUT_OF_ORDER (an earlier one was lost with a
 * failed leader) and the client sends again from the expected one.
 */
final class ClusterProtocol
{
    static final byte COMMAND = 1;
    static final byte STATUS_QUERY = 2;

    static final byte RESULT = 1;
    static final byte DUPLICATE = 2;
    static final byte OUT_OF_ORDER = 3;
    static final byte STATUS = 4;
    static final byte MALFORMED = 5;

    static final int KIND = 0;
    static final int CLIENT_ID = 1;
    static final int REQUEST = 9;
    static final int COMMAND_ENTRY = 17;

    static final int REPLY_REQUEST = 1;
    static final int REPLY_SEQ = 9;
    static final int REPLY_TIME = 17;
    static final int REPLY_COUNT = 25;
    static final int REPLY_EVENTS = 29;
    static final int STATUS_APPLIED = 29;
    static final int STATUS_LENGTH = 37;

    private ClusterProtocol()
    {
    }
}
