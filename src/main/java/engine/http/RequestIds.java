package engine.http;

import engine.core.EventBatch;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The client's own request ids, per account, mapped to the sequence numbers of the commands
 * they sent, so that a repeated request is answered with the first one's outcome instead of
 * running twice. A request id travels with its command into the journal as a 128-bit key (the
 * first half of its SHA-256), and {@link #learn} rebuilds the table from the commands' output
 * after a restart, so the guarantee holds across crashes.
 *
 * <p>Bounded window: the last {@value #CAPACITY} request ids, engine-wide, in the order their
 * commands were sequenced (the oldest go first); a request id older than that may run again.
 */
public final class RequestIds
{
    /** How many request ids are remembered. */
    public static final int CAPACITY = 1 << 20;
    static final long PENDING = -1;

    private record Key(long account, long hi, long lo)
    {
    }

    private final Map<Key, Long> seqs;

    public RequestIds()
    {
        this(CAPACITY);
    }

    RequestIds(final int capacity)
    {
        seqs = new LinkedHashMap<>(1024, 0.75f, false)
        {
            @Override
            protected boolean removeEldestEntry(final Map.Entry<Key, Long> eldest)
            {
                return size() > capacity;
            }
        };
    }

    /** The journaled key of {@code requestId}: the first 128 bits of the SHA-256 of its UTF-8 bytes. */
    static long[] hash(final String requestId)
    {
        try
        {
            final ByteBuffer digest = ByteBuffer.wrap(MessageDigest.getInstance("SHA-256")
                .digest(requestId.getBytes(StandardCharsets.UTF_8)));
            return new long[] {digest.getLong(), digest.getLong()};
        }
        catch (final NoSuchAlgorithmException e)
        {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static Key key(final long account, final String requestId)
    {
        final long[] hash = hash(requestId);
        return new Key(account, hash[0], hash[1]);
    }

    /** Claims {@code requestId} for {@code account}; @return the sequence it already had, or null if new. */
    synchronized Long claim(final long account, final String requestId)
    {
        return seqs.putIfAbsent(key(account, requestId), PENDING);
    }

    synchronized void bind(final long account, final String requestId, final long seq)
    {
        seqs.put(key(account, requestId), seq);
    }

    /** Frees a claim whose command never reached the engine. */
    synchronized void release(final long account, final String requestId)
    {
        seqs.remove(key(account, requestId));
    }

    /** @return the sequence of the request, {@link #PENDING}, or null when unknown. */
    synchronized Long seq(final long account, final String requestId)
    {
        return seqs.get(key(account, requestId));
    }

    /** Takes in the request id a command was journaled with, if any (recovery, projections). */
    public synchronized void learn(final EventBatch batch)
    {
        if (batch.hasRequestId())
        {
            seqs.put(new Key(batch.commandAccount(), batch.requestIdHi(), batch.requestIdLo()), batch.seq());
        }
    }
}
