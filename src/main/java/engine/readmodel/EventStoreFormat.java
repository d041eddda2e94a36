package engine.readmodel;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The version of an event store's excerpt layout, recorded in {@value #FILE_NAME} beside its
 * queue files when the store is created. Format history: 1 (no file), seq, timestamp, command
 * type and events; 2, the command's identities too (account, engine order id, client order id,
 * request id key), from which front ends rebuild their tables after a restart. A store of
 * another format is refused by name; the engine can always regenerate it from the journal.
 */
public final class EventStoreFormat
{
    public static final int FORMAT = 2;
    static final String FILE_NAME = "event-store.properties";

    private EventStoreFormat()
    {
    }

    /** True when {@code dir} holds no store yet, or one of this build's format. */
    public static boolean isCurrent(final Path dir)
    {
        return !hasQueueFiles(dir) || Integer.toString(FORMAT).equals(recorded(dir));
    }

    /** Refuses a store of another format, naming it and the way out. */
    static void check(final Path dir)
    {
        if (!isCurrent(dir))
        {
            final String found = recorded(dir);
            throw new IllegalStateException("event store " + dir + " has format " + (found == null ? "1" : found) +
                " but this build reads and writes format " + FORMAT + "; regenerate it from the journal with " +
                "'scripts/engine journal rebuild-events DATA' (serve does it at start)");
        }
    }

    /** Records this build's format in a new store. */
    static void markIfNew(final Path dir)
    {
        if (hasQueueFiles(dir) || Files.exists(dir.resolve(FILE_NAME)))
        {
            return;
        }
        final Properties props = new Properties();
        props.setProperty("format", Integer.toString(FORMAT));
        try
        {
            Files.createDirectories(dir);
            try (OutputStream out = Files.newOutputStream(dir.resolve(FILE_NAME)))
            {
                props.store(out, "event store excerpt layout");
            }
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot write " + dir.resolve(FILE_NAME) + ": " + e, e);
        }
    }

    private static String recorded(final Path dir)
    {
        final Path file = dir.resolve(FILE_NAME);
        if (!Files.exists(file))
        {
            return null;
        }
        final Properties props = new Properties();
        try (InputStream in = Files.newInputStream(file))
        {
            props.load(in);
            return props.getProperty("format");
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot read " + file + ": " + e, e);
        }
    }

    private static boolean hasQueueFiles(final Path dir)
    {
        if (!Files.isDirectory(dir))
        {
            return false;
        }
        try (Stream<Path> files = Files.list(dir))
        {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".cq4"));
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot list " + dir + ": " + e, e);
        }
    }
}
