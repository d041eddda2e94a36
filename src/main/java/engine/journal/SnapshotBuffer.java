package engine.journal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/** A growable little-endian byte array: the snapshot image is copied into it while the engine is paused. */
final class SnapshotBuffer
{
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private byte[] array;
    private int length;

    SnapshotBuffer(final int capacity)
    {
        array = new byte[Math.max(capacity, 64)];
    }

    private void ensure(final int extra)
    {
        if (length + extra > array.length)
        {
            final long wanted = Math.max((long)array.length * 2, (long)length + extra);
            if (wanted > Integer.MAX_VALUE - 16)
            {
                throw new JournalException("snapshot larger than 2 GB is not supported by format 1");
            }
            array = Arrays.copyOf(array, (int)wanted);
        }
    }

    void putByte(final int value)
    {
        ensure(1);
        array[length++] = (byte)value;
    }

    void putInt(final int value)
    {
        ensure(4);
        INTS.set(array, length, value);
        length += 4;
    }

    void putLong(final long value)
    {
        ensure(8);
        LONGS.set(array, length, value);
        length += 8;
    }

    void putLongAt(final int offset, final long value)
    {
        LONGS.set(array, offset, value);
    }

    void putIntAt(final int offset, final int value)
    {
        INTS.set(array, offset, value);
    }

    /** Reserves {@code bytes} zeroed bytes (a header filled in later). */
    void skip(final int bytes)
    {
        ensure(bytes);
        Arrays.fill(array, length, length + bytes, (byte)0);
        length += bytes;
    }

    byte[] array()
    {
        return array;
    }

    int length()
    {
        return length;
    }
}
