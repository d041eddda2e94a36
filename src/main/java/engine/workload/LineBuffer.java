package engine.workload;

import java.io.IOException;
import java.io.Writer;

/**
 * Builds command-file lines in a reused char buffer and hands them to a {@link Writer} in large
 * chunks, so generating a line allocates nothing.
 */
final class LineBuffer
{
    private static final int FLUSH_AT = 60_000;

    private final char[] buf = new char[1 << 16];
    private final char[] digits = new char[20];
    private Writer out;
    private int pos;

    void target(Writer writer)
    {
        this.out = writer;
    }

    LineBuffer text(String s)
    {
        int n = s.length();
        s.getChars(0, n, buf, pos);
        pos += n;
        return this;
    }

    LineBuffer comma()
    {
        buf[pos++] = ',';
        return this;
    }

    /** Appends {@code ,value}. */
    LineBuffer field(long value)
    {
        buf[pos++] = ',';
        return number(value);
    }

    /** Appends {@code ,s}. */
    LineBuffer field(String s)
    {
        buf[pos++] = ',';
        return text(s);
    }

    LineBuffer number(long value)
    {
        if (value == Long.MIN_VALUE)
        {
            return text(Long.toString(value));
        }
        long v = value;
        if (v < 0)
        {
            buf[pos++] = '-';
            v = -v;
        }
        int n = 0;
        do
        {
            digits[n++] = (char) ('0' + (v % 10));
            v /= 10;
        } while (v != 0);
        while (n > 0)
        {
            buf[pos++] = digits[--n];
        }
        return this;
    }

    /** Ends the line; writes the buffer out once it is nearly full. */
    void end() throws IOException
    {
        buf[pos++] = '\n';
        if (pos >= FLUSH_AT)
        {
            flush();
        }
    }

    void flush() throws IOException
    {
        if (pos > 0)
        {
            out.write(buf, 0, pos);
            pos = 0;
        }
    }
}
