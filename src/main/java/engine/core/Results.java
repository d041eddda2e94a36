package engine.core;

import engine.api.AsciiName;
import engine.api.CommandResult;
import engine.api.Event;
import engine.api.EventType;
import java.util.ArrayList;
import java.util.List;

/** Copies a reused output slot into immutable values for clients; allocates, off the BLP thread. */
public final class Results
{
    private Results()
    {
    }

    public static CommandResult copy(final EventBatch b)
    {
        final List<Event> events = new ArrayList<>(b.count());
        for (int i = 0; i < b.count(); i++)
        {
            final EventType type = b.type(i);
            final boolean named = type != EventType.REJECTED;
            final String name = named && b.nameHi(i) != 0 ? AsciiName.toString(b.nameHi(i), b.nameLo(i)) : null;
            events.add(new Event(b.seq(), b.timestamp(), type, name, b.orderId(i), type != EventType.REJECTED ||
                b.hasOrderId(i), b.account(i), b.side(i), b.price(i), b.qty(i), b.makerOrderId(i), b.makerAccount(i),
                b.reason(i)));
        }
        return new CommandResult(b.seq(), b.timestamp(), b.commandType(), List.copyOf(events));
    }
}
