package engine.format;

import engine.api.AsciiName;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;

/**
 * A growable byte buffer that writes numbers and names as ASCII without creating strings: the one
 * number-to-text conversion of the text formats.
 */
public final class AsciiBuffer
{
    private static final byte[] MIN_LONG = Long.toString(Long.MIN_VALUE).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] DIGIT_TENS = new byte[100];
    private static final byte[] DIGIT_ONES = new byte[100];
    /** 10^0 .. 10^18: a long has at most 19 digits. */
    private static final long[] POWERS = new long[19];

    static
    {
        for (int i = 0; i < 100; i++)
        {
            DIGIT_TENS[i] = (byte)('0' + i / 10);
            DIGIT_ONES[i] = (byte)('0' + i % 10);
        }
        long power = 1;
        for (int i = 0; i < POWERS.length; i++)
        {
            POWERS[i] = power;
            power *= 10;
        }
    }

    private static final char[] NO_CHARS = {};

    private byte[] bytes;
    private char[] chars = NO_CHARS;
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

    /** Appends text that is all ASCII, as its bytes. */
    public AsciiBuffer append(final CharSequence ascii)
    {
        final int n = ascii.length();
        ensure(n);
        for (int i = 0; i < n; i++)
        {
            bytes[length++] = (byte)ascii.charAt(i);
        }
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
        final int end = length + digits(v);
        int at = end;
        // Two digits per division, as Long.toString does.
        while (v >= 100)
        {
            final int pair = (int)(v % 100);
            v /= 100;
            bytes[--at] = DIGIT_ONES[pair];
            bytes[--at] = DIGIT_TENS[pair];
        }
        final int last = (int)v;
        bytes[--at] = DIGIT_ONES[last];
        if (last >= 10)
        {
            bytes[--at] = DIGIT_TENS[last];
        }
        length = end;
        return this;
    }

    /** The number of decimal digits of a non-negative value. */
    private static int digits(final long v)
    {
        int d = 1;
        while (d < POWERS.length && v >= POWERS[d])
        {
            d++;
        }
        return d;
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

    /** Writes the bytes as chars: ASCII reads the same in any charset the writer encodes to. */
    public void writeTo(final Writer out) throws IOException
    {
        if (chars.length < length)
        {
            chars = new char[bytes.length];
        }
        for (int i = 0; i < length; i++)
        {
            chars[i] = (char)bytes[i];
        }
        out.write(chars, 0, length);
    }

    @Override
    public String toString()
    {
        return new String(bytes, 0, length, java.nio.charset.StandardCharsets.US_ASCII);
    }
}
