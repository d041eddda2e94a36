package engine.logic;

import engine.api.CheckedMath;
import java.util.Arrays;

/**
 * The withdrawal sagas in flight, as parallel arrays in saga id order (ids are the sequence
 * numbers of their requests, so a new saga always goes last and the order is the same after a
 * snapshot restore). In-flight sagas are few, so lookups scan; nothing is allocated per saga
 * once the arrays have grown to the largest number in flight.
 *
 * <p>A saga is pending (an attempt under way, due at its deadline) or cancelling (the last attempt's
 * deadline passed and the wallet is being asked whether it paid): a cancelling saga has no deadline
 * (0, as its event says) and is never due; its amount stays in flight until the answer.
 */
final class Withdrawals
{
    /** The most attempts a withdrawal may ask for: a retry's timeout doubles, so more would overflow soon. */
    static final long MAX_ATTEMPTS = 16;
    private int size;
    private long[] ids = new long[8];
    private long[] accounts = new long[8];
    private int[] assets = new int[8];
    private long[] amounts = new long[8];
    private long[] timeouts = new long[8];
    private int[] attempts = new int[8];
    private int[] maxAttempts = new int[8];
    private long[] deadlines = new long[8];
    private boolean[] cancelling = new boolean[8];
    private long earliestDeadline = Long.MAX_VALUE;

    int size()
    {
        return size;
    }

    /** The earliest deadline of any saga in flight, {@link Long#MAX_VALUE} for none. */
    long earliestDeadline()
    {
        return earliestDeadline;
    }

    /** The position of saga {@code id}, or -1 when it is not in flight. */
    int find(final long id)
    {
        final int at = Arrays.binarySearch(ids, 0, size, id);
        return at >= 0 ? at : -1;
    }

    /** The position of the saga with the earliest deadline {@code <= time} (lowest id among equals), or -1. */
    int firstDue(final long time)
    {
        if (earliestDeadline > time)
        {
            return -1;
        }
        int first = -1;
        for (int i = 0; i < size; i++)
        {
            if (!cancelling[i] && deadlines[i] <= time && (first < 0 || deadlines[i] < deadlines[first]))
            {
                first = i;
            }
        }
        return first;
    }

    /** Adds a pending saga; {@code id} must be higher than every id in flight. */
    void add(final long id, final long account, final int asset, final long amount, final long timeout,
        final int maxAttempt, final int attempt, final long deadline)
    {
        add(id, account, asset, amount, timeout, maxAttempt, attempt, deadline, false);
    }

    /** Adds a saga, pending or (restored from a snapshot) cancelling; {@code id} must be higher than every id in flight. */
    void add(final long id, final long account, final int asset, final long amount, final long timeout,
        final int maxAttempt, final int attempt, final long deadline, final boolean isCancelling)
    {
        if (size == ids.length)
        {
            grow();
        }
        ids[size] = id;
        accounts[size] = account;
        assets[size] = asset;
        amounts[size] = amount;
        timeouts[size] = timeout;
        maxAttempts[size] = maxAttempt;
        attempts[size] = attempt;
        deadlines[size] = isCancelling ? 0 : deadline;
        cancelling[size] = isCancelling;
        size++;
        if (!isCancelling)
        {
            earliestDeadline = Math.min(earliestDeadline, deadline);
        }
    }

    /** Starts the next attempt of the saga at {@code at}, due at {@code deadline}. */
    void retry(final int at, final long deadline)
    {
        attempts[at]++;
        deadlines[at] = deadline;
        recomputeEarliest();
    }

    /** The saga at {@code at} stops waiting for a deadline: it waits for the wallet's answer to a cancel. */
    void startCancelling(final int at)
    {
        cancelling[at] = true;
        deadlines[at] = 0;
        recomputeEarliest();
    }

    void remove(final int at)
    {
        final int tail = size - at - 1;
        System.arraycopy(ids, at + 1, ids, at, tail);
        System.arraycopy(accounts, at + 1, accounts, at, tail);
        System.arraycopy(assets, at + 1, assets, at, tail);
        System.arraycopy(amounts, at + 1, amounts, at, tail);
        System.arraycopy(timeouts, at + 1, timeouts, at, tail);
        System.arraycopy(maxAttempts, at + 1, maxAttempts, at, tail);
        System.arraycopy(attempts, at + 1, attempts, at, tail);
        System.arraycopy(deadlines, at + 1, deadlines, at, tail);
        System.arraycopy(cancelling, at + 1, cancelling, at, tail);
        size--;
        recomputeEarliest();
    }

    /** What {@code account} has in flight in {@code asset}: it still counts towards what the account may hold. */
    long inFlight(final long account, final int asset)
    {
        long sum = 0;
        for (int i = 0; i < size; i++)
        {
            if (accounts[i] == account && assets[i] == asset)
            {
                sum += amounts[i];
            }
        }
        return sum;
    }

    private void recomputeEarliest()
    {
        long earliest = Long.MAX_VALUE;
        for (int i = 0; i < size; i++)
        {
            if (!cancelling[i])
            {
                earliest = Math.min(earliest, deadlines[i]);
            }
        }
        earliestDeadline = earliest;
    }

    private void grow()
    {
        final int length = ids.length * 2;
        ids = Arrays.copyOf(ids, length);
        accounts = Arrays.copyOf(accounts, length);
        assets = Arrays.copyOf(assets, length);
        amounts = Arrays.copyOf(amounts, length);
        timeouts = Arrays.copyOf(timeouts, length);
        maxAttempts = Arrays.copyOf(maxAttempts, length);
        attempts = Arrays.copyOf(attempts, length);
        deadlines = Arrays.copyOf(deadlines, length);
        cancelling = Arrays.copyOf(cancelling, length);
    }

    /** The deadline of attempt {@code attempt} started at {@code time}: the timeout doubles with each retry. */
    static long deadline(final long time, final long timeout, final int attempt)
    {
        final long window = timeout > Long.MAX_VALUE >> (attempt - 1) ? Long.MAX_VALUE : timeout << (attempt - 1);
        return CheckedMath.saturatingAdd(time, window);
    }

    long id(final int at)
    {
        return ids[at];
    }

    long account(final int at)
    {
        return accounts[at];
    }

    int asset(final int at)
    {
        return assets[at];
    }

    long amount(final int at)
    {
        return amounts[at];
    }

    long timeout(final int at)
    {
        return timeouts[at];
    }

    int attempt(final int at)
    {
        return attempts[at];
    }

    int maxAttempts(final int at)
    {
        return maxAttempts[at];
    }

    /** The deadline of the attempt under way; 0 (none) while cancelling. */
    long deadlineAt(final int at)
    {
        return deadlines[at];
    }

    boolean cancelling(final int at)
    {
        return cancelling[at];
    }
}
