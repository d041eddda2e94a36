package engine.format;

import com.lmax.disruptor.EventHandler;
import engine.core.EventBatch;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * An output-ring handler that writes every event as its canonical line. Lines collect in a
 * buffer and go to the stream in large writes; {@link #flush()} after the pipeline is idle.
 */
public final class CanonicalWriter implements EventHandler<EventBatch>
{
    private static final int FLUSH_AT = 1 << 16;
    private final OutputStream out;
    private final AsciiBuffer buffer = new AsciiBuffer(FLUSH_AT * 2);
    private long events;

    public CanonicalWriter(final OutputStream out)
    {
        this.out = out;
    }

    @Override
    public void onEvent(final EventBatch batch, final long sequence, final boolean endOfBatch) throws IOException
    {
        CanonicalFormat.appendLines(batch, buffer);
        events += batch.count();
        if (buffer.length() >= FLUSH_AT)
        {
            drain();
        }
    }

    private void drain() throws IOException
    {
        buffer.writeTo(out);
        buffer.clear();
    }

    /** Writes out what is buffered; call when no events are in flight. */
    public void flush()
    {
        try
        {
            drain();
            out.flush();
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }

    public long events()
    {
        return events;
    }
}
