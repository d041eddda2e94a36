package engine.readmodel;

import engine.api.Coded;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.function.IntFunction;

/** Field codecs shared by the read models' snapshot formats (see {@link ReadModelSnapshots}). */
final class SnapshotIO
{
    private SnapshotIO()
    {
    }

    static void writeName(final DataOutputStream out, final Name name) throws IOException
    {
        out.writeBoolean(name != null);
        if (name != null)
        {
            out.writeLong(name.hi());
            out.writeLong(name.lo());
        }
    }

    static Name readName(final DataInputStream in) throws IOException
    {
        return in.readBoolean() ? new Name(in.readLong(), in.readLong()) : null;
    }

    /** An enum constant as its stable code ({@link Coded}), -1 for null. */
    static void writeCode(final DataOutputStream out, final Coded value) throws IOException
    {
        out.writeInt(value == null ? -1 : value.code());
    }

    /**
     * Reads what {@link #writeCode} wrote.
     *
     * @param fromCode the enum's decoder; it may throw or return null for a code no constant has
     * @throws IOException naming the enum and the code when no constant has it
     */
    static <E extends Enum<E> & Coded> E readCode(final DataInputStream in, final Class<E> type,
        final IntFunction<E> fromCode) throws IOException
    {
        final int code = in.readInt();
        if (code == -1)
        {
            return null;
        }
        E value;
        try
        {
            value = fromCode.apply(code);
        }
        catch (final IllegalArgumentException e)
        {
            value = null;
        }
        if (value == null)
        {
            throw new IOException("unknown " + type.getSimpleName() + " code " + code);
        }
        return value;
    }

    static void writeNullableLong(final DataOutputStream out, final Long value) throws IOException
    {
        out.writeBoolean(value != null);
        if (value != null)
        {
            out.writeLong(value);
        }
    }

    static Long readNullableLong(final DataInputStream in) throws IOException
    {
        return in.readBoolean() ? in.readLong() : null;
    }

    /** A non-negative count, checked against a sanity bound so a damaged file cannot ask for huge arrays. */
    static int readCount(final DataInputStream in, final int max) throws IOException
    {
        final int n = in.readInt();
        if (n < 0 || n > max)
        {
            throw new IOException("bad count " + n);
        }
        return n;
    }
}
