package engine.format;

import java.io.IOException;
import java.io.InputStream;

/**
 * Splits a byte stream into lines without creating a string per line: after {@link #next()}
 * the line is {@code bytes()[start(), end())}, valid until the next call. Memory stays
 * bounded by the longest line, whatever the stream's length.
 */
public final class LineReader
{
    private final InputStream in;
    private byte[] buffer = new byte[1 << 20];
    private int position;
    private int limit;
    private int lineStart;
    private int lineEnd;
    private boolean eof;

    public LineReader(final InputStream in)
    {
        this.in = in;
    }

    /** @return false at the end of the stream. */
    public boolean next() throws IOException
    {
        while (true)
        {
            for (int i = position; i < limit; i++)
            {
                if (buffer[i] == '\n')
                {
                    lineStart = position;
                    lineEnd = i;
                    position = i + 1;
                    return true;
                }
            }
            if (eof)
            {
                if (position < limit)
                {
                    lineStart = position;
                    lineEnd = limit;
                    position = limit;
                    return true;
                }
                return false;
            }
            fill();
        }
    }

    private void fill() throws IOException
    {
        final int pending = limit - position;
        if (position > 0)
        {
            System.arraycopy(buffer, position, buffer, 0, pending);
        }
        else if (pending == buffer.length)
        {
            buffer = java.util.Arrays.copyOf(buffer, buffer.length * 2);
        }
        position = 0;
        limit = pending;
        final int read = in.read(buffer, limit, buffer.length - limit);
        if (read < 0)
        {
            eof = true;
        }
        else
        {
            limit += read;
        }
    }

    public byte[] bytes()
    {
        return buffer;
    }

    public int start()
    {
        return lineStart;
    }

    public int end()
    {
        return lineEnd;
    }
}
