package engine.api;

/** What happens when an incoming order meets a resting order of the same account. */
public enum SelfTradePrevention
{
    /** Own orders match like anyone else's. */
    NONE,
    /** The resting own order is cancelled ({@code SELF_TRADE}) and matching goes on. */
    CANCEL_RESTING,
    /** The incoming order's remainder is cancelled ({@code SELF_TRADE}). */
    CANCEL_INCOMING
}
