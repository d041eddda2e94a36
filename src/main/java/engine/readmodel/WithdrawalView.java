package engine.readmodel;

import engine.api.AsciiName;
import engine.api.Coded;
import engine.api.EnumCodes;
import engine.api.EventType;
import engine.core.EventBatch;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.agrona.collections.Long2ObjectHashMap;

/**
 * The status of every withdrawal saga by id (the seq of its {@code WITHDRAW_REQUEST}), built from
 * the {@code WITHDRAW_} events alone: where it is, every step so far with its seq and time, the
 * attempts used and left and the deadline of the attempt under way. The rules the events follow
 * are in TRADING-RULES.md and SAGAS.md; this model never asks the business logic.
 *
 * <p>Memory is bounded: every saga in flight is kept, and of the finished ones (confirmed, failed,
 * timed out) the last {@code keepFinished} to finish; older ones are forgotten and their entries
 * (with their step arrays) reused, so applying allocates nothing once the pool has warmed up.
 * Sagas are listed by id from an array of ids in creation order; forgotten ids stay in it as gaps
 * until they are half of it, then it is compacted in place.
 */
public final class WithdrawalView extends ReadModel
{
    /** Where a saga is. The codes are stored in read-model snapshots: never renumber one. */
    public enum State implements Coded
    {
        /** In flight: an attempt is under way (the first, or a retry after a deadline passed). */
        PENDING(0),
        /** The wallet paid: the amount left the engine. */
        CONFIRMED(1),
        /** The wallet refused: the amount is available again. */
        FAILED(2),
        /** The last attempt's deadline passed unanswered and the wallet said it had not paid: the amount is available again. */
        TIMED_OUT(3),
        /**
         * In flight: the last attempt's deadline passed unanswered; the wallet is asked to cancel and whether it paid.
         * No deadline: it ends CONFIRMED (it had paid) or TIMED_OUT (it had not).
         */
        CANCELLING(4);

        private static final State[] BY_CODE = EnumCodes.table(values());

        private final int code;

        State(final int code)
        {
            this.code = code;
        }

        @Override
        public int code()
        {
            return code;
        }

        /** Whether the saga still holds its amount in flight (it has not ended). */
        public boolean inFlight()
        {
            return this == PENDING || this == CANCELLING;
        }

        /** @throws IllegalArgumentException when no state has {@code code} */
        public static State fromCode(final int code)
        {
            return EnumCodes.decode(BY_CODE, code, "WithdrawalView.State");
        }
    }

    /**
     * One step of a saga: the event that made it, in the batch of command {@code seq} at its time.
     *
     * @param attempt the attempt it started (PENDING, ATTEMPT) or the last one made
     * @param deadline when the attempt it started times out; null for the steps that end the saga
     */
    public record Step(EventType type, long seq, long timestamp, long attempt, Long deadline)
    {
    }

    /**
     * One saga's status.
     *
     * @param attempt the attempt under way, or the last one made once finished
     * @param maxAttempts the request's limit; null when the events did not carry it (stored by an older build)
     * @param retriesUsed attempts after the first
     * @param retriesLeft attempts still possible after the one under way (0 once finished); null when unknown
     * @param deadline when the attempt under way times out; null once finished
     * @param lastSeq the seq of the command whose events made the latest step
     */
    public record Status(long withdrawalId, long account, String asset, long amount, State state, long attempt,
        Long maxAttempts, long retriesUsed, Long retriesLeft, Long deadline, long lastSeq, List<Step> steps)
    {
    }

    /**
     * Which sagas a {@link #page} holds.
     *
     * @param account only this account's, or null for every account's
     * @param state only sagas in this state, or null for all
     * @param afterId only sagas with a larger id: 0 for the first page, then the previous page's {@code nextAfterId}
     */
    public record Query(Long account, State state, long afterId)
    {
    }

    /**
     * One page of a {@link Query}, by id (oldest first).
     *
     * @param nextAfterId the {@code afterId} of the next page, or -1 when this page is the last
     * @param truncated true when finished sagas have been forgotten (retention), so older ones may be missing
     */
    public record Page(List<Status> withdrawals, long nextAfterId, boolean truncated)
    {
    }

    private static final int STEP_TYPE = 0;
    private static final int STEP_SEQ = 1;
    private static final int STEP_TIMESTAMP = 2;
    private static final int STEP_ATTEMPT = 3;
    private static final int STEP_DEADLINE = 4;
    private static final int STEP_WIDTH = 5;
    /** Room for a request, two retries and the end (the default of three attempts) before an entry's array grows. */
    private static final int INITIAL_STEPS = 4;
    /** A sanity bound for snapshot counts (the engine allows 16 attempts: 17 steps). */
    private static final int MAX_STEPS = 1 << 16;
    private static final int INITIAL_IDS = 64;

    private static final class Entry
    {
        long id;
        long account;
        long assetHi;
        long assetLo;
        long amount;
        State state;
        long attempt;
        long maxAttempts;
        long deadline;
        long lastSeq;
        int steps;
        long[] stepWords = new long[INITIAL_STEPS * STEP_WIDTH];
        /** Whether its id is in the finished ring (a saga in flight never is). */
        boolean queued;
        /** The next free entry while pooled. */
        Entry nextFree;
    }

    private final Long2ObjectHashMap<Entry> sagas = new Long2ObjectHashMap<>();
    /** Finished sagas' ids, oldest to finish first: the next to forget is the oldest. */
    private final RecordRing finished;
    /** Every kept saga's id in ascending order, with gaps: ids forgotten since the last compaction. */
    private long[] ids = new long[INITIAL_IDS];
    private int idCount;
    private int gaps;
    private long evicted;
    private Entry free;

    /** Keeps every saga in flight and the last {@code keepFinished} finished (confirmed, failed, timed out) ones. */
    public WithdrawalView(final int keepFinished)
    {
        finished = new RecordRing(1, keepFinished);
    }

    @Override
    protected void apply(final EventBatch b)
    {
        for (int i = 0; i < b.count(); i++)
        {
            switch (b.type(i))
            {
                case WITHDRAW_PENDING -> step(b, i, EventType.WITHDRAW_PENDING, State.PENDING);
                case WITHDRAW_ATTEMPT -> step(b, i, EventType.WITHDRAW_ATTEMPT, State.PENDING);
                case WITHDRAW_CONFIRMED -> step(b, i, EventType.WITHDRAW_CONFIRMED, State.CONFIRMED);
                case WITHDRAW_FAILED -> step(b, i, EventType.WITHDRAW_FAILED, State.FAILED);
                case WITHDRAW_TIMED_OUT -> step(b, i, EventType.WITHDRAW_TIMED_OUT, State.TIMED_OUT);
                case WITHDRAW_CANCELLING -> step(b, i, EventType.WITHDRAW_CANCELLING, State.CANCELLING);
                default ->
                {
                }
            }
        }
    }

    private void step(final EventBatch b, final int i, final EventType type, final State state)
    {
        final long id = b.sagaId(i);
        Entry e = sagas.get(id);
        if (e == null)
        {
            // Normally a WITHDRAW_PENDING; any other step of an unknown saga starts its entry as well, from the event's fields.
            e = acquire();
            e.id = id;
            sagas.put(id, e);
            addId(id);
        }
        e.account = b.account(i);
        e.assetHi = b.nameHi(i);
        e.assetLo = b.nameLo(i);
        e.amount = b.qty(i);
        e.attempt = b.attempt(i);
        if (b.maxAttempts(i) != 0)
        {
            e.maxAttempts = b.maxAttempts(i);
        }
        e.state = state;
        final boolean inFlight = state.inFlight();
        e.deadline = state == State.PENDING ? b.deadline(i) : 0;
        e.lastSeq = b.seq();
        addStep(e, type.code(), b.seq(), b.timestamp(), e.attempt, e.deadline);
        if (!inFlight)
        {
            finish(e);
        }
    }

    private static void addStep(final Entry e, final long type, final long seq, final long timestamp, final long attempt,
        final long deadline)
    {
        final int at = e.steps * STEP_WIDTH;
        if (at == e.stepWords.length)
        {
            // More steps than any saga this entry held before: grows once, then the pool keeps the bigger array.
            e.stepWords = Arrays.copyOf(e.stepWords, e.stepWords.length * 2);
        }
        final long[] w = e.stepWords;
        w[at + STEP_TYPE] = type;
        w[at + STEP_SEQ] = seq;
        w[at + STEP_TIMESTAMP] = timestamp;
        w[at + STEP_ATTEMPT] = attempt;
        w[at + STEP_DEADLINE] = deadline;
        e.steps++;
    }

    /** Queues a finished saga to be forgotten, forgetting the oldest finished one when the ring is full. */
    private void finish(final Entry e)
    {
        if (!e.queued)
        {
            remember(e);
        }
    }

    private void remember(final Entry e)
    {
        if (finished.isFull())
        {
            forget(finished.get(finished.offset(0), 0));
        }
        finished.set(finished.append(), 0, e.id);
        e.queued = true;
    }

    private void forget(final long id)
    {
        final Entry e = sagas.get(id);
        if (e == null)
        {
            return;
        }
        e.queued = false;
        // Back in flight (not expected from the engine): never forgotten while in flight.
        if (!e.state.inFlight())
        {
            sagas.remove(id);
            release(e);
            gaps++;
            evicted++;
        }
    }

    /** Adds a new saga's id in order: at the end, as ids (seqs) only grow, unless the events said otherwise. */
    private void addId(final long id)
    {
        if (idCount > 0 && ids[idCount - 1] >= id)
        {
            insertId(id);
            return;
        }
        if (idCount == ids.length)
        {
            makeRoom();
        }
        ids[idCount++] = id;
    }

    private void insertId(final long id)
    {
        final int at = lowerBound(id);
        if (at < idCount && ids[at] == id)
        {
            // The gap a forgotten saga with this id left.
            gaps--;
            return;
        }
        if (idCount == ids.length)
        {
            makeRoom();
        }
        // Compaction may have moved it.
        final int to = lowerBound(id);
        System.arraycopy(ids, to, ids, to + 1, idCount - to);
        ids[to] = id;
        idCount++;
    }

    /** Compacts the id array when at least half of it is gaps, else doubles it: amortised O(1) per saga. */
    private void makeRoom()
    {
        if (gaps > 0 && gaps >= idCount / 2)
        {
            int kept = 0;
            for (int k = 0; k < idCount; k++)
            {
                if (sagas.containsKey(ids[k]))
                {
                    ids[kept++] = ids[k];
                }
            }
            idCount = kept;
            gaps = 0;
        }
        else
        {
            ids = Arrays.copyOf(ids, ids.length * 2);
        }
    }

    /** The index of the first id {@code >= id} (idCount when none). */
    private int lowerBound(final long id)
    {
        int lo = 0;
        int hi = idCount;
        while (lo < hi)
        {
            final int mid = (lo + hi) >>> 1;
            if (ids[mid] < id)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        return lo;
    }

    private Entry acquire()
    {
        final Entry e = free;
        if (e == null)
        {
            return new Entry();
        }
        free = e.nextFree;
        e.nextFree = null;
        e.maxAttempts = 0;
        e.steps = 0;
        e.queued = false;
        return e;
    }

    private void release(final Entry e)
    {
        e.nextFree = free;
        free = e;
    }

    @Override
    void writeState(final DataOutputStream out) throws IOException
    {
        out.writeLong(evicted);
        out.writeInt(sagas.size());
        for (int k = 0; k < idCount; k++)
        {
            final Entry e = sagas.get(ids[k]);
            if (e == null)
            {
                continue;
            }
            out.writeLong(e.id);
            out.writeLong(e.account);
            SnapshotIO.writeName(out, new Name(e.assetHi, e.assetLo));
            out.writeLong(e.amount);
            SnapshotIO.writeCode(out, e.state);
            out.writeLong(e.attempt);
            out.writeLong(e.maxAttempts);
            out.writeLong(e.deadline);
            out.writeLong(e.lastSeq);
            out.writeInt(e.steps);
            for (int s = 0; s < e.steps; s++)
            {
                final int at = s * STEP_WIDTH;
                SnapshotIO.writeCode(out, EventType.fromCode((int)e.stepWords[at + STEP_TYPE]));
                out.writeLong(e.stepWords[at + STEP_SEQ]);
                out.writeLong(e.stepWords[at + STEP_TIMESTAMP]);
                out.writeLong(e.stepWords[at + STEP_ATTEMPT]);
                out.writeLong(e.stepWords[at + STEP_DEADLINE]);
            }
        }
        out.writeInt(finished.size());
        for (int k = 0; k < finished.size(); k++)
        {
            out.writeLong(finished.get(finished.offset(k), 0));
        }
    }

    @Override
    void readState(final DataInputStream in) throws IOException
    {
        evicted = in.readLong();
        final int n = SnapshotIO.readCount(in, Integer.MAX_VALUE);
        for (int k = 0; k < n; k++)
        {
            final Entry e = acquire();
            e.id = in.readLong();
            e.account = in.readLong();
            final Name asset = SnapshotIO.readName(in);
            if (asset == null)
            {
                throw new IOException("withdrawal " + e.id + " has no asset");
            }
            e.assetHi = asset.hi();
            e.assetLo = asset.lo();
            e.amount = in.readLong();
            e.state = SnapshotIO.readCode(in, State.class, State::fromCode);
            e.attempt = in.readLong();
            e.maxAttempts = in.readLong();
            e.deadline = in.readLong();
            e.lastSeq = in.readLong();
            final int steps = SnapshotIO.readCount(in, MAX_STEPS);
            for (int s = 0; s < steps; s++)
            {
                final EventType type = SnapshotIO.readCode(in, EventType.class, EventType::fromCode);
                addStep(e, type.code(), in.readLong(), in.readLong(), in.readLong(), in.readLong());
            }
            if (e.state == null || sagas.put(e.id, e) != null)
            {
                throw new IOException("withdrawal " + e.id + " has no state or is held twice");
            }
            addId(e.id);
        }
        // Replayed oldest first, so a view that keeps fewer finished sagas forgets the oldest.
        final int queued = SnapshotIO.readCount(in, Integer.MAX_VALUE);
        for (int k = 0; k < queued; k++)
        {
            final long id = in.readLong();
            final Entry e = sagas.get(id);
            if (e == null || e.state.inFlight())
            {
                throw new IOException("finished withdrawal " + id + " is not held as finished");
            }
            remember(e);
        }
    }

    /** The status of saga {@code withdrawalId}; a null value when unknown or forgotten. */
    public AsOf<Status> status(final long withdrawalId)
    {
        return read(() ->
        {
            final Entry e = sagas.get(withdrawalId);
            return e == null ? null : copy(e);
        });
    }

    /**
     * The sagas matching {@code query}, by id: at most {@code limit} of them, found among at most
     * {@code scanLimit} kept ids (so that a query holds the model's monitor for a bounded time; a
     * page can then hold fewer than {@code limit}, even none, and still have a next one). Ids are
     * the seqs of the requests, so sagas started between two pages come on a later page: paging
     * neither repeats nor skips a saga (a finished one forgotten meanwhile is simply not there).
     */
    public AsOf<Page> page(final Query query, final int limit, final int scanLimit)
    {
        return read(() ->
        {
            // No id follows the largest long (and + 1 would wrap around to the first page).
            int index = query.afterId() == Long.MAX_VALUE ? idCount : lowerBound(query.afterId() + 1);
            final List<Status> out = new ArrayList<>();
            long lastExamined = query.afterId();
            int examined = 0;
            while (index < idCount && out.size() < limit && examined < scanLimit)
            {
                final Entry e = sagas.get(ids[index]);
                if (e != null && (query.account() == null || e.account == query.account()) &&
                    (query.state() == null || e.state == query.state()))
                {
                    out.add(copy(e));
                }
                lastExamined = ids[index];
                examined++;
                index++;
            }
            return new Page(out, index < idCount ? lastExamined : -1, evicted > 0);
        });
    }

    /** How many finished sagas were forgotten: when non-zero, an unknown id may be a saga that finished long ago. */
    public long evictedCount()
    {
        return evicted;
    }

    /** The finished sagas kept at most. */
    public int keepFinished()
    {
        return finished.capacity();
    }

    /** Sagas held now, in flight and finished; for retention tests. */
    synchronized int keptCount()
    {
        return sagas.size();
    }

    /** The length of the id array; for retention tests (it must stay bounded). */
    synchronized int idCapacity()
    {
        return ids.length;
    }

    private static Status copy(final Entry e)
    {
        final List<Step> steps = new ArrayList<>(e.steps);
        for (int s = 0; s < e.steps; s++)
        {
            final int at = s * STEP_WIDTH;
            final EventType type = EventType.fromCode((int)e.stepWords[at + STEP_TYPE]);
            final boolean starts = type == EventType.WITHDRAW_PENDING || type == EventType.WITHDRAW_ATTEMPT;
            steps.add(new Step(type, e.stepWords[at + STEP_SEQ], e.stepWords[at + STEP_TIMESTAMP],
                e.stepWords[at + STEP_ATTEMPT], starts ? e.stepWords[at + STEP_DEADLINE] : null));
        }
        // Only a pending saga has an attempt under way with a deadline and retries after it; cancelling has neither.
        final boolean pending = e.state == State.PENDING;
        final boolean known = e.maxAttempts > 0;
        return new Status(e.id, e.account, AsciiName.toString(e.assetHi, e.assetLo), e.amount, e.state, e.attempt,
            known ? e.maxAttempts : null, Math.max(0, e.attempt - 1),
            known ? (pending ? Math.max(0, e.maxAttempts - e.attempt) : 0L) : null,
            pending ? e.deadline : null, e.lastSeq, steps);
    }
}
