package engine.journal;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * One owner per directory: an exclusive OS lock ({@link FileChannel#tryLock()}) on
 * {@code DIR/engine.lock}, held for as long as a process writes there ({@code serve}, {@code run
 * --journal}, {@code journal snapshot}, {@code project} writing read-model snapshots). A second
 * owner is refused at once with the holder's pid, host, start time and command.
 *
 * <p>The OS lock is the truth: it dies with its process, so a lock file left by a killed
 * process blocks nobody. The file's text (written by the holder once it has the lock) is only
 * for the message. The file itself is never deleted: deleting it while another process opens
 * it would let two processes lock two different files of the same name.
 */
public final class DirectoryLock implements AutoCloseable
{
    /** The lock file's name inside the locked directory. */
    public static final String FILE_NAME = "engine.lock";
    private final FileChannel channel;
    private final FileLock lock;

    private DirectoryLock(final FileChannel channel, final FileLock lock)
    {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the directory (creating it if needed) for {@code command}, or refuses.
     *
     * @throws JournalException naming the holder when another process (or another open in this
     *         process) has it, or when the lock file cannot be written
     */
    public static DirectoryLock acquire(final Path directory, final String command)
    {
        final Path file = directory.resolve(FILE_NAME);
        final FileChannel channel;
        try
        {
            Files.createDirectories(directory);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        }
        catch (final IOException | SecurityException e)
        {
            throw new JournalException("cannot open lock file " + file + ": " + e, e);
        }
        try
        {
            final FileLock lock = tryLock(channel);
            if (lock == null)
            {
                throw new JournalException(directory + " is in use by another engine process (" + holder(channel) +
                    "; lock " + file + "); stop it first, or use another directory");
            }
            final DirectoryLock taken = new DirectoryLock(channel, lock);
            taken.describe(command);
            return taken;
        }
        catch (final IOException e)
        {
            closeQuietly(channel);
            throw new JournalException("cannot lock " + file + ": " + e, e);
        }
        catch (final RuntimeException e)
        {
            closeQuietly(channel);
            throw e;
        }
    }

    /** @return the lock, or null when another process or this one already holds it */
    private static FileLock tryLock(final FileChannel channel) throws IOException
    {
        try
        {
            return channel.tryLock();
        }
        catch (final OverlappingFileLockException e)
        {
            return null; // held by this very process, through another channel
        }
    }

    /** The holder's own description, or a note that it wrote none (yet). */
    private static String holder(final FileChannel channel) throws IOException
    {
        final ByteBuffer text = ByteBuffer.allocate(1024);
        channel.read(text, 0);
        final String owner = new String(text.array(), 0, text.position(), StandardCharsets.UTF_8).trim();
        return owner.isEmpty() ? "holder unknown: it has not described itself yet" : owner.replace('\n', ' ');
    }

    /** Writes who holds the lock; only for others' messages, so a full disk does not stop it. */
    private void describe(final String command)
    {
        String host;
        try
        {
            host = InetAddress.getLocalHost().getHostName();
        }
        catch (final IOException e)
        {
            host = "unknown";
        }
        final String text = "pid " + ProcessHandle.current().pid() + ", host " + host + ", started " +
            Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime()) + ", command " + command + "\n";
        try
        {
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
        }
        catch (final IOException e)
        {
            // The lock is held all the same; a second process will just not learn our pid.
        }
    }

    /** Releases the lock; the file stays (see the class comment). */
    @Override
    public void close()
    {
        try
        {
            if (lock.isValid())
            {
                lock.release();
            }
        }
        catch (final IOException e)
        {
            // Closing the channel below releases it anyway.
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(final FileChannel channel)
    {
        try
        {
            channel.close();
        }
        catch (final IOException e)
        {
            // Nothing left to release.
        }
    }
}
