package engine.readmodel;

import engine.api.CommandType;
import engine.api.EventType;
import engine.api.Reason;
import engine.core.EventBatch;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.agrona.collections.Long2ObjectHashMap;

/**
 * The outcome of each command by sequence number, and each account's commands by time. A
 * command's own events start after the expiry cancels that precede them; its account is that
 * of its first own event (none for SYMBOL and TICK). Memory is bounded: the last
 * {@code capacity} commands by sequence, the last {@code perAccount} per account.
 */
public final class CommandView extends ReadModel
{
    /** One command's outcome; {@code account} and {@code orderId} are null when it has none. */
    public record CommandStatus(long seq, long timestamp, CommandType commandType, boolean accepted, Reason reason,
        Long account, Long orderId, int events)
    {
    }

    private final CommandStatus[] bySeq;
    private final int perAccount;
    private final Long2ObjectHashMap<ArrayDeque<CommandStatus>> byAccount = new Long2ObjectHashMap<>();

    public CommandView(final int capacity, final int perAccount)
    {
        this.bySeq = new CommandStatus[capacity];
        this.perAccount = perAccount;
    }

    @Override
    protected void apply(final EventBatch b)
    {
        int own = 0;
        while (own < b.count() && b.type(own) == EventType.CANCELED && b.reason(own) == Reason.EXPIRED)
        {
            own++;
        }
        final CommandStatus status;
        if (own == b.count())
        {
            status = new CommandStatus(b.seq(), b.timestamp(), b.commandType(), true, null, null, null, b.count());
        }
        else
        {
            final EventType type = b.type(own);
            final boolean rejected = type == EventType.REJECTED;
            final boolean hasAccount = type != EventType.SYMBOL_ADDED && !(rejected && b.commandType() == CommandType.SYMBOL);
            final boolean hasOrder = rejected ? b.hasOrderId(own) :
                type == EventType.ACCEPTED || type == EventType.CANCELED || type == EventType.AMENDED;
            status = new CommandStatus(b.seq(), b.timestamp(), b.commandType(), !rejected,
                rejected ? b.reason(own) : null, hasAccount ? b.account(own) : null,
                hasOrder ? b.orderId(own) : null, b.count());
        }
        bySeq[(int)(b.seq() % bySeq.length)] = status;
        if (status.account() != null)
        {
            final ArrayDeque<CommandStatus> list = byAccount.computeIfAbsent(status.account().longValue(), k -> new ArrayDeque<>());
            list.addLast(status);
            if (list.size() > perAccount)
            {
                list.removeFirst();
            }
        }
    }

    @Override
    void writeState(final DataOutputStream out) throws IOException
    {
        out.writeInt(bySeq.length);
        out.writeInt(perAccount);
        int kept = 0;
        for (final CommandStatus s : bySeq)
        {
            kept += s == null ? 0 : 1;
        }
        out.writeInt(kept);
        for (final CommandStatus s : bySeq)
        {
            if (s != null)
            {
                writeStatus(out, s);
            }
        }
        out.writeInt(byAccount.size());
        for (final Map.Entry<Long, ArrayDeque<CommandStatus>> e : byAccount.entrySet())
        {
            out.writeLong(e.getKey());
            out.writeInt(e.getValue().size());
            for (final CommandStatus s : e.getValue())
            {
                writeStatus(out, s);
            }
        }
    }

    private static void writeStatus(final DataOutputStream out, final CommandStatus s) throws IOException
    {
        out.writeLong(s.seq());
        out.writeLong(s.timestamp());
        SnapshotIO.writeEnum(out, s.commandType());
        out.writeBoolean(s.accepted());
        SnapshotIO.writeEnum(out, s.reason());
        SnapshotIO.writeNullableLong(out, s.account());
        SnapshotIO.writeNullableLong(out, s.orderId());
        out.writeInt(s.events());
    }

    private static CommandStatus readStatus(final DataInputStream in) throws IOException
    {
        return new CommandStatus(in.readLong(), in.readLong(), SnapshotIO.readEnum(in, CommandType.class),
            in.readBoolean(), SnapshotIO.readEnum(in, Reason.class), SnapshotIO.readNullableLong(in),
            SnapshotIO.readNullableLong(in), in.readInt());
    }

    @Override
    void readState(final DataInputStream in) throws IOException
    {
        final int capacity = in.readInt();
        final int limit = in.readInt();
        if (capacity != bySeq.length || limit != perAccount)
        {
            throw new IOException("snapshot kept " + capacity + "/" + limit + " commands, this view keeps " +
                bySeq.length + "/" + perAccount);
        }
        final int kept = SnapshotIO.readCount(in, bySeq.length);
        for (int i = 0; i < kept; i++)
        {
            final CommandStatus s = readStatus(in);
            bySeq[(int)(s.seq() % bySeq.length)] = s;
        }
        final int accounts = SnapshotIO.readCount(in, Integer.MAX_VALUE);
        for (int i = 0; i < accounts; i++)
        {
            final ArrayDeque<CommandStatus> list = new ArrayDeque<>();
            byAccount.put(in.readLong(), list);
            final int n = SnapshotIO.readCount(in, perAccount);
            for (int k = 0; k < n; k++)
            {
                list.addLast(readStatus(in));
            }
        }
    }

    /** The outcome of command {@code seq}; a null value when unknown or no longer kept. */
    public AsOf<CommandStatus> command(final long seq)
    {
        return read(() ->
        {
            final CommandStatus s = seq <= 0 ? null : bySeq[(int)(seq % bySeq.length)];
            return s != null && s.seq() == seq ? s : null;
        });
    }

    /** The commands of {@code account} with {@code from <= timestamp <= to}, oldest first, at most {@code limit}. */
    public AsOf<List<CommandStatus>> commands(final long account, final long from, final long to, final int limit)
    {
        return read(() ->
        {
            final List<CommandStatus> out = new ArrayList<>();
            final ArrayDeque<CommandStatus> list = byAccount.get(account);
            if (list != null)
            {
                final Iterator<CommandStatus> it = list.iterator();
                while (it.hasNext() && out.size() < limit)
                {
                    final CommandStatus s = it.next();
                    if (s.timestamp() >= from && s.timestamp() <= to)
                    {
                        out.add(s);
                    }
                }
            }
            return out;
        });
    }
}
