package engine.fix;

/**
 * A message the gateway refuses before it reaches the engine: a session-level Reject(3) with
 * SessionRejectReason(373), or, when {@link #business}, a BusinessMessageReject(j) with
 * BusinessRejectReason(380); either names the tag (RefTagID 371) and says why (Text 58).
 * Thrown by the decoder, caught by the application, never by the engine.
 */
final class FixReject extends Exception
{
    private static final long serialVersionUID = 1L;
    /** SessionRejectReason 1: required tag missing. */
    static final int TAG_MISSING = 1;
    /** SessionRejectReason 5: value is incorrect (out of range) for this tag. */
    static final int VALUE_INCORRECT = 5;
    /** SessionRejectReason 6: incorrect data format for value. */
    static final int BAD_FORMAT = 6;
    /** BusinessRejectReason 2: unknown security. */
    static final int UNKNOWN_SECURITY = 2;
    /** BusinessRejectReason 3: unsupported message type. */
    static final int UNSUPPORTED_MESSAGE = 3;
    /** BusinessRejectReason 5: conditionally required field missing. */
    static final int CONDITIONAL_FIELD_MISSING = 5;

    final boolean business;
    final int reason;
    final int tag;

    private FixReject(final boolean business, final int reason, final int tag, final String text)
    {
        super(text, null, false, false);
        this.business = business;
        this.reason = reason;
        this.tag = tag;
    }

    static FixReject session(final int reason, final int tag, final String text)
    {
        return new FixReject(false, reason, tag, text);
    }

    static FixReject business(final int reason, final int tag, final String text)
    {
        return new FixReject(true, reason, tag, text);
    }
}
