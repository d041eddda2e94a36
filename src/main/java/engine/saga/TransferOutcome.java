package engine.saga;

/** The external wallet's answer to a transfer. */
public enum TransferOutcome
{
    /** The amount was paid out (now or by an earlier attempt with the same key). */
    PAID,
    /** The wallet will never pay this key. */
    REFUSED
}
