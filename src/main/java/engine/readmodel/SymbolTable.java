package engine.readmodel;

import engine.api.EventType;
import engine.core.EventBatch;
import java.util.HashMap;
import java.util.Map;

/** The instruments a model has seen in SYMBOL_ADDED events, with their assets and scales. */
final class SymbolTable
{
    record Symbol(Name name, Name base, Name quote, long baseScale, long quoteScale)
    {
    }

    private final Map<Name, Symbol> symbols = new HashMap<>();

    /** Records the instrument when event {@code i} is a SYMBOL_ADDED. */
    void onEvent(final EventBatch b, final int i)
    {
        if (b.type(i) == EventType.SYMBOL_ADDED)
        {
            final Name name = new Name(b.nameHi(i), b.nameLo(i));
            symbols.put(name, new Symbol(name, new Name(b.baseAssetHi(i), b.baseAssetLo(i)),
                new Name(b.quoteAssetHi(i), b.quoteAssetLo(i)), b.price(i), b.qty(i)));
        }
    }

    Symbol get(final long hi, final long lo)
    {
        return symbols.get(new Name(hi, lo));
    }

    Symbol get(final Name name)
    {
        return symbols.get(name);
    }
}
