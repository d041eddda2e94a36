package engine.fix;

import engine.api.Reason;

/**
 * Our reject reasons as FIX codes: OrdRejReason(103) for orders, CxlRejReason(102) for cancel
 * and replace requests. Text(58) always carries the reason's own name as well (docs/FIX.md).
 */
final class RejectCodes
{
    static final int ORD_REJ_UNKNOWN_SYMBOL = 1;
    static final int ORD_REJ_EXCEEDS_LIMIT = 3;
    static final int ORD_REJ_UNKNOWN_ORDER = 5;
    static final int ORD_REJ_DUPLICATE_ORDER = 6;
    static final int ORD_REJ_UNSUPPORTED_CHARACTERISTIC = 11;
    static final int ORD_REJ_INCORRECT_QUANTITY = 13;
    static final int ORD_REJ_UNKNOWN_ACCOUNT = 15;
    static final int OTHER = 99;
    static final int CXL_REJ_UNKNOWN_ORDER = 1;
    static final int CXL_REJ_DUPLICATE_CLORDID = 6;

    private RejectCodes()
    {
    }

    static int ordRejReason(final Reason reason)
    {
        return switch (reason)
        {
            case UNKNOWN_SYMBOL -> ORD_REJ_UNKNOWN_SYMBOL;
            case UNKNOWN_ACCOUNT -> ORD_REJ_UNKNOWN_ACCOUNT;
            case INVALID_QTY -> ORD_REJ_INCORRECT_QUANTITY;
            case INVALID_TIF -> ORD_REJ_UNSUPPORTED_CHARACTERISTIC;
            case DUPLICATE_ORDER_ID -> ORD_REJ_DUPLICATE_ORDER;
            case INSUFFICIENT_FUNDS -> ORD_REJ_EXCEEDS_LIMIT;
            case UNKNOWN_ORDER -> ORD_REJ_UNKNOWN_ORDER;
            default -> OTHER;
        };
    }

    static int cxlRejReason(final Reason reason)
    {
        return reason == Reason.UNKNOWN_ORDER ? CXL_REJ_UNKNOWN_ORDER : OTHER;
    }
}
