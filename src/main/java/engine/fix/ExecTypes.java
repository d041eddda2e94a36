package engine.fix;

/** The ExecType(150) values this gateway sends. */
final class ExecTypes
{
    static final char NEW = quickfix.field.ExecType.NEW;
    static final char TRADE = quickfix.field.ExecType.TRADE;
    static final char CANCELED = quickfix.field.ExecType.CANCELED;
    static final char REPLACED = quickfix.field.ExecType.REPLACED;
    static final char EXPIRED = quickfix.field.ExecType.EXPIRED;
    static final char REJECTED = quickfix.field.ExecType.REJECTED;
    static final char ORDER_STATUS = quickfix.field.ExecType.ORDER_STATUS;

    private ExecTypes()
    {
    }
}
