package engine.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * Writes a whole file so that a crash leaves either the old file (or none) or the new one,
 * never a part: the bytes go to a hidden temporary file {@code .<name>.tmp} beside the target,
 * which is forced to the device, renamed over the target atomically, and the directory is forced
 * so that the rename itself survives power loss. Used by both snapshot stores (the journal's and
 * the read models'); their formats checksum with {@link #crc32c}, so a file damaged later is
 * detected when it is read. Temporary files of interrupted writes are left for the caller's
 * listing to ignore (their names start with a dot) and are overwritten by the next write.
 */
public final class AtomicFile
{
    private AtomicFile()
    {
    }

    /** Replaces {@code target} with {@code bytes[offset, offset + length)}; creates its directory if needed. */
    public static void write(final Path target, final byte[] bytes, final int offset, final int length) throws IOException
    {
        final Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        final Path temp = dir.resolve("." + target.getFileName() + ".tmp");
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING))
        {
            final ByteBuffer data = ByteBuffer.wrap(bytes, offset, length);
            while (data.hasRemaining())
            {
                channel.write(data);
            }
            channel.force(true);
        }
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        forceDirectory(dir);
    }

    /** Forces a directory's entries (a rename, a new file) to the device. */
    private static void forceDirectory(final Path dir) throws IOException
    {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ))
        {
            channel.force(true);
        }
    }

    /** The CRC32C of {@code bytes[offset, offset + length)}, as the snapshot formats store it. */
    public static int crc32c(final byte[] bytes, final int offset, final int length)
    {
        final CRC32C crc = new CRC32C();
        crc.update(bytes, offset, length);
        return (int)crc.getValue();
    }
}
