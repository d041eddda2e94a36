package engine.journal;

import engine.api.SelfTradePrevention;
import engine.io.AtomicFile;
import engine.logic.BusinessLogic;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The snapshot files of a journal directory, named {@code snapshot-<seq>.snap}. A snapshot is
 * written with {@link AtomicFile} (temporary file, forced, renamed atomically, directory forced):
 * a crash leaves either the old set of snapshots or the new one, never half a file under a
 * snapshot's name.
 */
public final class SnapshotStore
{
    /** How many snapshots are kept; older ones are deleted after a new one is in place. */
    static final int KEEP = 3;
    private final JournalDirectory directory;

    public SnapshotStore(final JournalDirectory directory)
    {
        this.directory = directory;
    }

    /** A snapshot file and the seq in its name. */
    public record Entry(Path file, long seq)
    {
    }

    /** A loaded snapshot. */
    public record Loaded(Path file, BusinessLogic logic, long seq, long journalIndex)
    {
    }

    /**
     * Copies the state of an idle engine; the caller guarantees nothing applies commands meanwhile.
     * Cheap compared with {@link #write}, which may run afterwards on any thread.
     */
    public static Image capture(final BusinessLogic logic, final long journalIndex)
    {
        return new Image(SnapshotFormat.capture(logic, journalIndex), logic.lastSeq());
    }

    /** A captured snapshot, not yet on disk. */
    public static final class Image
    {
        private final SnapshotBuffer buffer;
        private final long seq;

        private Image(final SnapshotBuffer buffer, final long seq)
        {
            this.buffer = buffer;
            this.seq = seq;
        }

        public long seq()
        {
            return seq;
        }

        public int size()
        {
            return buffer.length();
        }
    }

    /** Seals and writes a captured image atomically ({@link AtomicFile}); returns the file. */
    public Path write(final Image image)
    {
        SnapshotFormat.seal(image.buffer);
        final Path target = directory.snapshotDir().resolve(name(image.seq));
        try
        {
            AtomicFile.write(target, image.buffer.array(), 0, image.buffer.length());
        }
        catch (final IOException e)
        {
            throw new JournalException("cannot write snapshot " + target + ": " + e, e);
        }
        prune();
        return target;
    }

    private void prune()
    {
        final List<Entry> all = list();
        for (int i = KEEP; i < all.size(); i++)
        {
            try
            {
                Files.deleteIfExists(all.get(i).file());
            }
            catch (final IOException e)
            {
                // An old snapshot left behind costs disk, not correctness.
            }
        }
    }

    static String name(final long seq)
    {
        return String.format("snapshot-%020d.snap", seq);
    }

    /** Snapshot files, newest (highest seq) first. Temporary files of interrupted writes are ignored. */
    public List<Entry> list()
    {
        final List<Entry> entries = new ArrayList<>();
        if (!Files.isDirectory(directory.snapshotDir()))
        {
            return entries;
        }
        try (Stream<Path> files = Files.list(directory.snapshotDir()))
        {
            files.forEach(file ->
            {
                final String name = file.getFileName().toString();
                if (name.startsWith("snapshot-") && name.endsWith(".snap"))
                {
                    try
                    {
                        entries.add(new Entry(file, Long.parseLong(name.substring(9, name.length() - 5))));
                    }
                    catch (final NumberFormatException e)
                    {
                        throw new JournalException("unexpected file in snapshot directory: " + file);
                    }
                }
            });
        }
        catch (final IOException e)
        {
            throw new JournalException("cannot list snapshots in " + directory.snapshotDir() + ": " + e, e);
        }
        entries.sort((a, b) -> Long.compare(b.seq(), a.seq()));
        return entries;
    }

    /**
     * Loads the newest snapshot at or before {@code untilSeq}. A snapshot that fails its checks
     * is an error naming the file, unless {@code salvage}: then it is reported and the next older
     * one is tried.
     *
     * @return null when there is no usable snapshot
     */
    public Loaded loadNewest(final long untilSeq, final SelfTradePrevention stp, final int expectedOrders,
        final int expectedAccounts, final boolean salvage, final PrintStream log)
    {
        for (final Entry entry : list())
        {
            if (entry.seq() > untilSeq)
            {
                continue;
            }
            try
            {
                return load(entry, stp, expectedOrders, expectedAccounts);
            }
            catch (final JournalException e)
            {
                if (!salvage)
                {
                    throw new JournalException(e.getMessage() + "; refusing to start (use --recover-to-last-good to fall " +
                        "back to an older snapshot or a full replay)", e);
                }
                log.println("snapshot: WARNING: " + e.getMessage() + "; skipped, trying an older one");
            }
        }
        return null;
    }

    /** Reads, checks and restores one snapshot. */
    public Loaded load(final Entry entry, final SelfTradePrevention stp, final int expectedOrders,
        final int expectedAccounts)
    {
        final byte[] file;
        try
        {
            file = Files.readAllBytes(entry.file());
        }
        catch (final IOException | OutOfMemoryError e)
        {
            throw new JournalException("snapshot " + entry.file() + " is unreadable: " + e, e);
        }
        final SnapshotFormat.Header header = SnapshotFormat.check(entry.file().toString(), file);
        if (header.lastSeq() != entry.seq())
        {
            throw new JournalException("snapshot " + entry.file() + " holds seq " + header.lastSeq() + ", not the seq in its name");
        }
        if (header.stp() != stp)
        {
            throw new JournalException("snapshot " + entry.file() + " was taken under self-trade prevention " + header.stp() +
                ", the journal uses " + stp);
        }
        final BusinessLogic logic = new BusinessLogic(stp, expectedOrders, expectedAccounts);
        try
        {
            SnapshotFormat.restore(entry.file().toString(), file, logic);
        }
        catch (final RuntimeException e)
        {
            throw e instanceof JournalException ? e :
                new JournalException("snapshot " + entry.file() + " does not restore: " + e, e);
        }
        if (logic.stateHash() != header.stateHash())
        {
            throw new JournalException("snapshot " + entry.file() + ": restored state hash " + Long.toHexString(logic.stateHash()) +
                " differs from the recorded " + Long.toHexString(header.stateHash()));
        }
        return new Loaded(entry.file(), logic, header.lastSeq(), header.journalIndex());
    }
}
