package engine.journal;

import java.io.IOException;
import java.nio.file.Path;

/**
 * What the journal stage asks of the disk it writes to: how much space is left, and a hook
 * before each document is written. The engine uses {@link #REAL}; tests replace it to simulate
 * a disk that fills up and frees again, or writes that fail, without filling a real disk.
 */
@FunctionalInterface
public interface Disk
{
    /** The file system as it is; writes are never failed on purpose. */
    Disk REAL = directory -> directory.toFile().getUsableSpace();

    /** Bytes a write to {@code directory} may still use. */
    long usableBytes(Path directory);

    /**
     * Called on the journal thread before each document is written.
     *
     * @throws IOException to make that write fail as a full or broken disk would
     */
    default void beforeWrite(final long lastSeq) throws IOException
    {
    }
}
