package engine.core;

import engine.api.AsciiName;
import java.io.IOException;
import java.io.OutputStream;

/** A growable byte buffer that writes numbers and names as ASCII without creating strings. */
public final class AsciiBuffer
{
    private static final byte[] MIN_LONG = Long.toString(Long.MIN_VALUE).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private byte[] bytes;
    private int length;

    public AsciiBuffer(final int capacity)
    {
        bytes = new byte[capacity];
    }

    public int length()
    {
        return length;
    }

    public void clear()
    {
        length = 0;
    }

    private void ensure(final int more)
    {
        if (length + more > bytes.length)
        {
            bytes = java.util.Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }

    public AsciiBuffer append(final byte b)
    {
        ensure(1);
        bytes[length++] = b;
        return this;
    }

    public AsciiBuffer append(final byte[] ascii)
    {
        ensure(ascii.length);
        System.arraycopy(ascii, 0, bytes, length, ascii.length);
        length += ascii.length;
        return this;
    }

    public AsciiBuffer append(final long value)
    {
        ensure(20);
        if (value == Long.MIN_VALUE)
        {
            return append(MIN_LONG);
        }
        long v = value;
        if (v < 0)
        {
            bytes[length++] = '-';
            v = -v;
        }
        final int digits = digits(v);
        int at = length + digits;
        length = at;
        do
        {
            bytes[--at] = (byte)('0' + v % 10);
            v /= 10;
        }
        while (v != 0);
        return this;
    }

    private static int digits(final long v)
    {
        long limit = 10;
        for (int d = 1; d < 19; d++)
        {
            if (v < limit)
            {
                return d;
            }
            limit *= 10;
        }
        return 19;
    }

    public AsciiBuffer appendName(final long hi, final long lo)
    {
        ensure(AsciiName.MAX_LENGTH);
        length = AsciiName.write(hi, lo, bytes, length);
        return this;
    }

    public void writeTo(final OutputStream out) throws IOException
    {
        out.write(bytes, 0, length);
    }

    @Override
    public String toString()
    {
        return new String(bytes, 0, length, java.nio.charset.StandardCharsets.US_ASCII);
    }
}
