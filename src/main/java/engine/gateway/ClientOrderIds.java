package engine.gateway;

import engine.core.EventBatch;
import org.agrona.collections.Long2LongHashMap;
import org.agrona.collections.Long2ObjectHashMap;
import org.agrona.collections.LongHashSet;

/**
 * Client order ids of the front ends (HTTP, FIX), unique within an account, mapped to the
 * engine-wide order ids that the business logic uses and no client sees. So one account's ids
 * can neither collide with nor reveal another's.
 *
 * <p>A pair (account, client order id) gets an engine id the first time it is placed, from
 * 2^62 ({@link #FIRST_ENGINE_ID}) upwards, and keeps it: placing it again while the order is open is
 * the engine's {@code DUPLICATE_ORDER_ID}, after it is done a new order under the same id, as
 * with engine-wide ids. Clients of the line protocol and command files name engine-wide ids
 * themselves and must stay below that range.
 *
 * <p>The mapping survives restarts because every PLACE from a front end is journaled with its
 * client order id: {@link #learn} rebuilds it from the command's output (live, or the event store,
 * which the engine regenerates from the journal). It keeps every pair ever placed (about 100
 * bytes each). Thread-safe; not on the engine's hot path.
 *
 * <p>One instance per engine: every front end of the process (HTTP, FIX) must share it, since
 * engine ids are allocated per instance. Front ends whose client ids are text (FIX ClOrdID) map
 * them to a long first, per account.
 */
public final class ClientOrderIds
{
    /** The first engine-wide order id handed out for client order ids: 2^62. */
    public static final long FIRST_ENGINE_ID = 1L << 62;
    /** Returned by {@link #find} for a pair never placed. */
    public static final long NONE = 0;
    private static final long NO_CLIENT_ID = Long.MIN_VALUE;
    private final Long2ObjectHashMap<Long2LongHashMap> byAccount = new Long2ObjectHashMap<>();
    private final Long2LongHashMap clientIdOf = new Long2LongHashMap(NO_CLIENT_ID);
    // A map cannot hold its missing value, so the engine ids of client id Long.MIN_VALUE live here.
    private final LongHashSet minValueClientIds = new LongHashSet();
    private final long slot;
    private final long slots;
    private long nextEngineId;

    /** The only allocator of engine ids for client order ids (one engine, every front end in its JVM). */
    public ClientOrderIds()
    {
        this(0, 1);
    }

    /**
     * One of {@code slots} allocators that hand out engine ids side by side (the HTTP front ends of
     * the members of a cluster, each a client of the same engine): this one takes only the ids
     * {@code FIRST_ENGINE_ID + slot + k * slots}, so two of them never give one id to two orders.
     */
    public ClientOrderIds(final int slot, final int slots)
    {
        if (slots < 1 || slot < 0 || slot >= slots)
        {
            throw new IllegalArgumentException("slot " + slot + " of " + slots);
        }
        this.slot = slot;
        this.slots = slots;
        this.nextEngineId = FIRST_ENGINE_ID + slot;
    }

    /** The engine id of the pair, allocating one the first time: for a PLACE. */
    public synchronized long engineIdFor(final long account, final long clientOrderId)
    {
        final long known = find(account, clientOrderId);
        if (known != NONE)
        {
            return known;
        }
        final long engineId = nextEngineId;
        nextEngineId += slots;
        put(account, clientOrderId, engineId);
        return engineId;
    }

    /** The engine id of the pair, or {@link #NONE} when it was never placed. */
    public synchronized long find(final long account, final long clientOrderId)
    {
        final Long2LongHashMap ids = byAccount.get(account);
        return ids == null ? NONE : ids.get(clientOrderId);
    }

    /** The client order id behind {@code engineId}, or {@code otherwise} when it has none (an engine-wide id). */
    public synchronized long clientOrderId(final long engineId, final long otherwise)
    {
        final long clientId = clientIdOf.get(engineId);
        if (clientId != NO_CLIENT_ID)
        {
            return clientId;
        }
        return minValueClientIds.contains(engineId) ? NO_CLIENT_ID : otherwise;
    }

    /** Takes in the pair of a PLACE that carries a client order id; other commands are ignored. */
    public synchronized void learn(final EventBatch batch)
    {
        if (batch.hasClientOrderId())
        {
            put(batch.commandAccount(), batch.clientOrderId(), batch.commandOrderId());
            final long engineId = batch.commandOrderId();
            if (engineId >= nextEngineId && Math.floorMod(engineId - FIRST_ENGINE_ID, slots) == slot)
            {
                // Ids of the other slots (other members' front ends) are theirs to hand out, not a reason to skip ahead.
                nextEngineId = engineId + slots;
            }
        }
    }

    private void put(final long account, final long clientOrderId, final long engineId)
    {
        Long2LongHashMap ids = byAccount.get(account);
        if (ids == null)
        {
            ids = new Long2LongHashMap(NONE);
            byAccount.put(account, ids);
        }
        ids.put(clientOrderId, engineId);
        if (clientOrderId == NO_CLIENT_ID)
        {
            minValueClientIds.add(engineId);
        }
        else
        {
            clientIdOf.put(engineId, clientOrderId);
        }
    }
}
