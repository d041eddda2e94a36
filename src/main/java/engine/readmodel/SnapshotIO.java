package engine.readmodel;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

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

    /** An enum constant as its ordinal, -1 for null. */
    static void writeEnum(final DataOutputStream out, final Enum<?> value) throws IOException
    {
        out.writeInt(value == null ? -1 : value.ordinal());
    }

    static <E extends Enum<E>> E readEnum(final DataInputStream in, final Class<E> type) throws IOException
    {
        final int ordinal = in.readInt();
        final E[] values = type.getEnumConstants();
        if (ordinal < -1 || ordinal >= values.length)
        {
            throw new IOException("bad " + type.getSimpleName() + " ordinal " + ordinal);
        }
        return ordinal < 0 ? null : values[ordinal];
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
