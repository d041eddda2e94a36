package engine.journal;

import engine.api.Command;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * The journal's binary command format ({@link JournalCodec}) for other transports, so that the
 * engine has one binary command format: the cluster log carries exactly the bytes a journal
 * entry holds, checksum included. One instance per thread.
 */
public final class CommandCodec
{
    /** The longest encoded command. */
    public static final int MAX_LENGTH = JournalCodec.MAX_LENGTH;

    private final JournalCodec codec = new JournalCodec();

    /** Encodes {@code command} at {@code offset}; returns its length. */
    public int encode(final Command command, final MutableDirectBuffer into, final int offset)
    {
        final int length = codec.encode(command);
        into.putBytes(offset, codec.array(), 0, length);
        return length;
    }

    /** Decodes a command; false (with {@link #problem()}) when the bytes are not a valid command entry. */
    public boolean decode(final DirectBuffer from, final int offset, final int length, final Command into)
    {
        if (length < 0 || length > MAX_LENGTH)
        {
            return false;
        }
        from.getBytes(offset, codec.array(), 0, length);
        return codec.decode(length, into) == JournalCodec.Outcome.COMMAND;
    }

    /** Hands this codec to the calling thread: Chronicle's buffers inside check which thread uses them (with -ea). */
    public void singleThreadedCheckReset()
    {
        codec.singleThreadedCheckReset();
    }

    public String problem()
    {
        return codec.problem();
    }
}
