package engine.journal;

import engine.logic.BusinessLogic;
import java.util.Arrays;

/**
 * The snapshot file format ({@link SnapshotFormat}) as bytes in memory, for snapshots that live
 * somewhere other than a snapshot directory (the cluster's snapshot recordings).
 */
public final class SnapshotImage
{
    private SnapshotImage()
    {
    }

    /** The state of {@code logic} as a sealed snapshot (journal index -1: there is no journal). */
    public static byte[] capture(final BusinessLogic logic)
    {
        final SnapshotBuffer buffer = SnapshotFormat.capture(logic, -1);
        SnapshotFormat.seal(buffer);
        return Arrays.copyOf(buffer.array(), buffer.length());
    }

    /**
     * Checks {@code image} and rebuilds its state into {@code logic}, which must be empty.
     *
     * @return the last seq the snapshot holds
     * @throws JournalException when the image is damaged or the rebuilt state's hash differs from the recorded one
     */
    public static long restore(final String name, final byte[] image, final BusinessLogic logic)
    {
        final SnapshotFormat.Header header = SnapshotFormat.check(name, image);
        if (header.stp() != logic.selfTradePrevention())
        {
            throw new JournalException("snapshot " + name + " was taken with self-trade prevention " + header.stp() +
                ", this engine runs " + logic.selfTradePrevention());
        }
        SnapshotFormat.restore(name, image, logic);
        if (logic.stateHash() != header.stateHash())
        {
            throw new JournalException("snapshot " + name + ": restored state hash differs from the recorded one");
        }
        return header.lastSeq();
    }
}
