package engine.saga;

/**
 * One call to the external wallet for a withdrawal saga.
 *
 * @param idempotencyKey the saga id: every attempt of one withdrawal carries the same key, and the
 *                       wallet pays a key at most once
 * @param attempt which attempt this is (1 for the first)
 * @param notAfter the attempt's deadline in engine time (milliseconds since the epoch): the
 *                 engine retries or gives up after it, so the wallet must not start paying later
 */
public record TransferRequest(long idempotencyKey, long account, String asset, long amount, int attempt, long notAfter)
{
}
