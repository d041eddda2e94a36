package engine.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/** The bounded per-client record of replies: what it keeps, what it forgets, and that a snapshot changes neither. */
class ReplyHistoryTest
{
    private final ExpandableArrayBuffer found = new ExpandableArrayBuffer();

    @Test
    void keepsTheLastRepliesOfEachClientAsLongAsTheyFitInItsRing()
    {
        final ReplyHistory history = new ReplyHistory(4, 100, 8);
        for (long request = 1; request <= 6; request++)
        {
            history.record(7, request, reply(request, 30), 30);
        }
        assertThat(history.find(7, 6, found)).isEqualTo(30);
        assertThat(found.getLong(1)).isEqualTo(6);
        assertThat(history.find(7, 4, found)).as("100 bytes hold three replies of 30").isEqualTo(30);
        assertThat(history.find(7, 3, found)).isEqualTo(-1);
        assertThat(history.find(7, 1, found)).isEqualTo(-1);
        assertThat(history.find(8, 6, found)).as("another client's request 6").isEqualTo(-1);

        history.record(7, 7, reply(7, 101), 101);
        assertThat(history.find(7, 7, found)).as("a reply larger than the ring is not kept").isEqualTo(-1);
        assertThat(history.find(7, 6, found)).isEqualTo(30);
    }

    @Test
    void aNewClientBeyondTheLimitReplacesTheOneLeastRecentlyAnswered()
    {
        final ReplyHistory history = new ReplyHistory(4, 100, 2);
        history.record(1, 1, reply(1, 20), 20);
        history.record(2, 1, reply(1, 20), 20);
        history.record(1, 2, reply(2, 20), 20);
        history.record(3, 1, reply(1, 20), 20);

        assertThat(history.clientCount()).isEqualTo(2);
        assertThat(history.find(2, 1, found)).as("client 2 was answered longest ago").isEqualTo(-1);
        assertThat(history.find(1, 2, found)).isEqualTo(20);
        assertThat(history.find(3, 1, found)).isEqualTo(20);
    }

    @Test
    void aSnapshotRestoresTheSameRepliesAndForgetsThemAtTheSamePoint()
    {
        final ReplyHistory original = new ReplyHistory(8, 100, 4);
        for (long request = 1; request <= 5; request++)
        {
            original.record(7, request, reply(request, 30), 30);
        }
        original.record(9, 1, reply(1, 10), 10);
        final ExpandableArrayBuffer body = new ExpandableArrayBuffer();
        final int end = original.write(body, 3);
        assertThat(end - 3).isLessThanOrEqualTo(original.maxWriteLength());
        final ReplyHistory loaded = new ReplyHistory(8, 100, 4);
        assertThat(loaded.read(body, 3)).isEqualTo(end);

        for (final ReplyHistory history : new ReplyHistory[] {original, loaded})
        {
            history.record(7, 6, reply(6, 30), 30);
        }
        for (long request = 1; request <= 6; request++)
        {
            final int kept = original.find(7, request, found);
            assertThat(loaded.find(7, request, found)).as("request %d", request).isEqualTo(kept);
        }
        assertThat(loaded.find(7, 6, found)).isEqualTo(30);
        assertThat(found.getLong(1)).isEqualTo(6);
        assertThat(loaded.find(9, 1, found)).isEqualTo(10);
    }

    @Test
    void aVersionOneSnapshotIsRefusedWithAReason()
    {
        final UnsafeBuffer head = new UnsafeBuffer(new byte[12]);
        head.putInt(0, 0x534E4543);
        head.putLong(4, 1234);
        assertThatThrownBy(() -> ClusterSnapshot.bodyLength(head, 0, 12)).hasMessageContaining("version 1 cannot be read");
        assertThatThrownBy(() -> ClusterSnapshot.bodyLength(new UnsafeBuffer(new byte[16]), 0, 16))
            .hasMessageContaining("not an engine cluster snapshot");
    }

    private static UnsafeBuffer reply(final long request, final int length)
    {
        final UnsafeBuffer reply = new UnsafeBuffer(new byte[length]);
        reply.putByte(0, ClusterProtocol.RESULT);
        if (length >= 9)
        {
            reply.putLong(1, request);
        }
        return reply;
    }
}
