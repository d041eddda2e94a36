package engine.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The client's own request ids, per account, mapped to the sequence numbers of the commands
 * they sent. An HTTP-side concept: the engine never sees them. Bounded: the oldest entries go.
 */
final class RequestIds
{
    static final long PENDING = -1;
    private final Map<String, Long> seqs;

    RequestIds(final int capacity)
    {
        seqs = new LinkedHashMap<>(1024, 0.75f, false)
        {
            @Override
            protected boolean removeEldestEntry(final Map.Entry<String, Long> eldest)
            {
                return size() > capacity;
            }
        };
    }

    private static String key(final long account, final String requestId)
    {
        return account + "/" + requestId;
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
}
