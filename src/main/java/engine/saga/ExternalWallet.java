package engine.saga;

import java.util.concurrent.CompletableFuture;

/**
 * The system outside the engine that pays withdrawals out. The transfer worker is its only
 * caller. Contract, which is what makes retries and recovery safe:
 * <ul>
 * <li>{@link #transfer} is idempotent by {@link TransferRequest#idempotencyKey()}: a key is paid at
 * most once, and a repeated call for a paid key answers {@code PAID} without paying again;</li>
 * <li>the answer may never come (the engine's deadline then retries or starts cancelling): the future
 * need not complete;</li>
 * <li>after {@link #cancel} returns the wallet never pays that key, and its answer says truly whether
 * the key had been paid; the worker calls it when a withdrawal's last attempt passed its deadline
 * (WITHDRAW_CANCELLING), and the engine gives the amount back only when it answers not paid, so an
 * amount given back is never also paid;</li>
 * <li>a {@code REFUSED} answer to an attempt means neither it nor an earlier attempt will pay the key: the
 * engine gives the amount back on a refusal of the attempt under way (the last one, once cancelling).</li>
 * </ul>
 */
public interface ExternalWallet
{
    CompletableFuture<TransferOutcome> transfer(TransferRequest request);

    /** Makes sure {@code idempotencyKey} is never paid; answers whether it had been paid already. */
    boolean cancel(long idempotencyKey);
}
