package engine.readmodel;

import engine.api.CommandType;
import engine.api.EventType;
import engine.api.Reason;
import engine.core.EventBatch;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.agrona.collections.Long2LongHashMap;

/**
 * The outcome of each command by sequence number, and each account's commands by time. A
 * command's own events start after the expiry cancels that precede them; its account is that
 * of its first own event (none for SYMBOL and TICK).
 *
 * <p>Memory is bounded: the outcomes of the last {@code capacity} commands, as primitive
 * records in a ring; each record links to the previous kept command of its account, so an
 * account's query walks only its own commands (at most its last {@code perAccount} kept ones).
 * Applying a command allocates nothing once the ring is full.
 */
public final class CommandView extends ReadModel
{
    /** One command's outcome; {@code account} and {@code orderId} are null when it has none. */
    public record CommandStatus(long seq, long timestamp, CommandType commandType, boolean accepted, Reason reason,
        Long account, Long orderId, int events)
    {
    }

    /**
     * Which commands a {@link #page} holds.
     *
     * @param account only this account's commands, or null for every account's
     * @param from the earliest timestamp, inclusive
     * @param to the latest timestamp, inclusive
     * @param accepted only accepted (true) or rejected (false) commands, or null for both
     * @param afterSeq only commands after this seq: 0 for the first page, then the previous page's {@code nextAfterSeq}
     */
    public record Query(Long account, long from, long to, Boolean accepted, long afterSeq)
    {
    }

    /**
     * One page of a {@link Query}, oldest first.
     *
     * @param commands the matching commands
     * @param nextAfterSeq the {@code afterSeq} of the next page, or -1 when this page is the last
     * @param truncated true when commands in the range may have been dropped (older than the oldest kept)
     * @param cursorExpired true when commands after {@code afterSeq} were dropped before this page was asked
     *     for: the page is empty, since going on would leave a gap
     */
    public record Page(List<CommandStatus> commands, long nextAfterSeq, boolean truncated, boolean cursorExpired)
    {
    }

    private static final int SEQ = 0;
    private static final int TIMESTAMP = 1;
    private static final int FLAGS = 2;
    private static final int ACCOUNT = 3;
    private static final int ORDER_ID = 4;
    private static final int PREVIOUS = 5;
    private static final int WIDTH = 6;
    private static final long ACCEPTED_BIT = 1L << 8;
    private static final long HAS_REASON = 1L << 9;
    private static final long HAS_ACCOUNT = 1L << 10;
    private static final long HAS_ORDER = 1L << 11;
    private static final long NONE = -1;

    private final RecordRing kept;
    private final int perAccount;
    /** Account to the position in {@link #kept} of its newest command. */
    private final Long2LongHashMap newestOfAccount = new Long2LongHashMap(NONE);

    /**
     * @param capacity commands kept (the newest)
     * @param perAccount the most of an account's newest kept commands an account query looks at
     */
    public CommandView(final int capacity, final int perAccount)
    {
        if (perAccount < 1)
        {
            throw new IllegalArgumentException("perAccount " + perAccount + " must be positive");
        }
        this.kept = new RecordRing(WIDTH, capacity);
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
        long flags = b.commandType().code() | (long)b.count() << 32;
        long account = 0;
        long orderId = 0;
        if (own == b.count())
        {
            flags |= ACCEPTED_BIT;
        }
        else
        {
            final EventType type = b.type(own);
            final boolean rejected = type == EventType.REJECTED;
            final boolean hasAccount = type != EventType.SYMBOL_ADDED && !(rejected && b.commandType() == CommandType.SYMBOL);
            final boolean hasOrder = rejected ? b.hasOrderId(own) :
                type == EventType.ACCEPTED || type == EventType.CANCELED || type == EventType.AMENDED;
            flags |= rejected ? HAS_REASON | (long)b.reason(own).code() << 16 : ACCEPTED_BIT;
            if (hasAccount)
            {
                flags |= HAS_ACCOUNT;
                account = b.account(own);
            }
            if (hasOrder)
            {
                flags |= HAS_ORDER;
                orderId = b.orderId(own);
            }
        }
        record(b.seq(), b.timestamp(), flags, account, orderId);
    }

    private void record(final long seq, final long timestamp, final long flags, final long account, final long orderId)
    {
        final long position = kept.appended();
        final int at = kept.append();
        kept.set(at, SEQ, seq);
        kept.set(at, TIMESTAMP, timestamp);
        kept.set(at, FLAGS, flags);
        kept.set(at, ACCOUNT, account);
        kept.set(at, ORDER_ID, orderId);
        kept.set(at, PREVIOUS, NONE);
        if ((flags & HAS_ACCOUNT) != 0)
        {
            kept.set(at, PREVIOUS, newestOfAccount.get(account));
            newestOfAccount.put(account, position);
        }
    }

    @Override
    void writeState(final DataOutputStream out) throws IOException
    {
        out.writeInt(kept.size());
        for (int i = 0; i < kept.size(); i++)
        {
            final int at = kept.offset(i);
            out.writeLong(kept.get(at, SEQ));
            out.writeLong(kept.get(at, TIMESTAMP));
            out.writeLong(kept.get(at, FLAGS));
            out.writeLong(kept.get(at, ACCOUNT));
            out.writeLong(kept.get(at, ORDER_ID));
        }
    }

    @Override
    void readState(final DataInputStream in) throws IOException
    {
        // Re-recorded oldest first: the account links are rebuilt, and a smaller ring keeps the newest.
        final int n = SnapshotIO.readCount(in, Integer.MAX_VALUE);
        for (int i = 0; i < n; i++)
        {
            final long seq = in.readLong();
            final long timestamp = in.readLong();
            final long flags = in.readLong();
            try
            {
                CommandType.fromCode((int)(flags & 0xFF));
            }
            catch (final IllegalArgumentException e)
            {
                throw new IOException(e.getMessage() + " in command record " + i + " of " + n, e);
            }
            record(seq, timestamp, flags, in.readLong(), in.readLong());
        }
    }

    /** The outcome of command {@code seq}; a null value when unknown or no longer kept. */
    public AsOf<CommandStatus> command(final long seq)
    {
        return read(() ->
        {
            final int index = kept.lowerBound(SEQ, seq);
            if (seq <= 0 || index == kept.size() || kept.get(kept.offset(index), SEQ) != seq)
            {
                return null;
            }
            return status(kept.offset(index));
        });
    }

    /** The commands of {@code account} with {@code from <= timestamp <= to}, oldest first, at most {@code limit}. */
    public AsOf<List<CommandStatus>> commands(final long account, final long from, final long to, final int limit)
    {
        return read(() ->
        {
            // Newest first along the account's links, then answered oldest first.
            final List<Integer> newestFirst = new ArrayList<>();
            long position = newestOfAccount.get(account);
            while (position != NONE && newestFirst.size() < perAccount)
            {
                final int index = kept.indexOf(position);
                if (index < 0)
                {
                    break;
                }
                newestFirst.add(kept.offset(index));
                position = kept.get(kept.offset(index), PREVIOUS);
            }
            final List<CommandStatus> out = new ArrayList<>();
            for (int k = newestFirst.size() - 1; k >= 0 && out.size() < limit; k--)
            {
                final int at = newestFirst.get(k);
                final long timestamp = kept.get(at, TIMESTAMP);
                if (timestamp >= from && timestamp <= to)
                {
                    out.add(status(at));
                }
            }
            return out;
        });
    }

    /**
     * The commands matching {@code query}, oldest first: at most {@code limit} of them, found
     * among at most {@code scanLimit} kept commands (so that a query holds the model's monitor
     * for a bounded time; a page can then hold fewer than {@code limit}, even none, and still
     * have a next one). Pages follow seq order, so commands applied between two pages can only
     * come on a later page: paging neither repeats nor skips a command.
     */
    public AsOf<Page> page(final Query query, final int limit, final int scanLimit)
    {
        return read(() ->
        {
            final long oldestSeq = kept.size() == 0 ? Long.MAX_VALUE : kept.get(kept.offset(0), SEQ);
            if (query.afterSeq() > 0 && query.afterSeq() + 1 < oldestSeq && kept.size() > 0)
            {
                return new Page(List.of(), -1, true, true);
            }
            final boolean truncated = query.afterSeq() + 1 < oldestSeq && oldestSeq != Long.MAX_VALUE &&
                query.from() <= kept.get(kept.offset(0), TIMESTAMP);
            // Timestamps never decrease with seq (the sequencer and command files see to it), so both bounds are searches.
            int index = Math.max(kept.lowerBound(SEQ, query.afterSeq() + 1), kept.lowerBound(TIMESTAMP, query.from()));
            final List<CommandStatus> out = new ArrayList<>();
            long lastExamined = query.afterSeq();
            int examined = 0;
            while (index < kept.size() && out.size() < limit && examined < scanLimit)
            {
                final int at = kept.offset(index);
                if (kept.get(at, TIMESTAMP) > query.to())
                {
                    break;
                }
                if (matches(at, query))
                {
                    out.add(status(at));
                }
                lastExamined = kept.get(at, SEQ);
                examined++;
                index++;
            }
            final boolean more = index < kept.size() && kept.get(kept.offset(index), TIMESTAMP) <= query.to();
            return new Page(out, more ? lastExamined : -1, truncated, false);
        });
    }

    private boolean matches(final int at, final Query query)
    {
        final long flags = kept.get(at, FLAGS);
        if (query.accepted() != null && ((flags & ACCEPTED_BIT) != 0) != query.accepted())
        {
            return false;
        }
        return query.account() == null || (flags & HAS_ACCOUNT) != 0 && kept.get(at, ACCOUNT) == query.account();
    }

    private CommandStatus status(final int at)
    {
        final long flags = kept.get(at, FLAGS);
        return new CommandStatus(kept.get(at, SEQ), kept.get(at, TIMESTAMP), CommandType.fromCode((int)(flags & 0xFF)),
            (flags & ACCEPTED_BIT) != 0, (flags & HAS_REASON) != 0 ? Reason.fromCode((int)(flags >>> 16 & 0xFF)) : null,
            (flags & HAS_ACCOUNT) != 0 ? kept.get(at, ACCOUNT) : null,
            (flags & HAS_ORDER) != 0 ? kept.get(at, ORDER_ID) : null, (int)(flags >>> 32));
    }

    /** The seq of the oldest command kept (Long.MAX_VALUE before any): older ones were dropped. */
    public synchronized long oldestKeptSeq()
    {
        return kept.size() == 0 ? Long.MAX_VALUE : kept.get(kept.offset(0), SEQ);
    }

    /** How many commands are kept at most. */
    public int capacity()
    {
        return kept.capacity();
    }

    /** Commands kept now; for retention tests. */
    int keptCount()
    {
        return kept.size();
    }
}
