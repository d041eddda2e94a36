package engine.journal;

import engine.api.SelfTradePrevention;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.stream.Stream;
import net.openhft.chronicle.bytes.SyncMode;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;

/**
 * The on-disk layout of one engine's durable state:
 * <pre>
 * DIR/journal.properties   settings replay must match (self-trade prevention, entry format), written once
 * DIR/queue/               the Chronicle Queue of documents of command entries (*.cq4)
 * DIR/snapshots/           snapshot-&lt;seq&gt;.snap files
 * </pre>
 */
public final class JournalDirectory
{
    private static final String SETTINGS = "journal.properties";
    private final Path root;

    private JournalDirectory(final Path root)
    {
        this.root = root.toAbsolutePath().normalize();
    }

    public static JournalDirectory of(final Path root)
    {
        return new JournalDirectory(root);
    }

    public Path root()
    {
        return root;
    }

    public Path queueDir()
    {
        return root.resolve("queue");
    }

    public Path snapshotDir()
    {
        return root.resolve("snapshots");
    }

    /** True when the directory holds at least one queue file. */
    public boolean hasJournal()
    {
        if (!Files.isDirectory(queueDir()))
        {
            return false;
        }
        try (Stream<Path> files = Files.list(queueDir()))
        {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".cq4"));
        }
        catch (final IOException e)
        {
            throw new JournalException("cannot list journal directory " + queueDir() + ": " + e, e);
        }
    }

    /**
     * Creates the layout if needed and proves it writable before anything is acknowledged:
     * a clear error now beats a fault in the journal thread later.
     */
    void prepareForWriting()
    {
        try
        {
            Files.createDirectories(queueDir());
            Files.createDirectories(snapshotDir());
            final Path probe = Files.createTempFile(root, ".probe", ".tmp");
            Files.delete(probe);
        }
        catch (final IOException | SecurityException e)
        {
            throw new JournalException("journal directory " + root + " is not writable: " + e, e);
        }
    }

    SingleChronicleQueue openForWriting(final Durability durability)
    {
        prepareForWriting();
        checkFormat();
        return SingleChronicleQueueBuilder.binary(queueDir()).rollCycle(RollCycles.FAST_DAILY)
            .syncMode(durability == Durability.SYNC ? SyncMode.SYNC : SyncMode.NONE).timeoutMS(2_000).build();
    }

    SingleChronicleQueue openForReading()
    {
        if (!hasJournal())
        {
            throw new JournalException("no journal in " + root + " (expected " + queueDir() + "/*.cq4)");
        }
        checkFormat();
        return SingleChronicleQueueBuilder.binary(queueDir()).rollCycle(RollCycles.FAST_DAILY).readOnly(true)
            .build();
    }

    /** The self-trade prevention the journal was written with; replay must use the same. */
    public SelfTradePrevention selfTradePrevention()
    {
        final Properties settings = settings();
        try
        {
            return settings == null ? SelfTradePrevention.NONE :
                SelfTradePrevention.valueOf(settings.getProperty("stp", "NONE"));
        }
        catch (final IllegalArgumentException e)
        {
            throw new JournalException("unreadable journal settings " + root.resolve(SETTINGS) + ": " + e, e);
        }
    }

    /**
     * Refuses a journal whose settings name another entry format: read with this layout its
     * documents would only look corrupt (every entry has a checksum, so nothing is misread).
     */
    void checkFormat()
    {
        final Properties settings = settings();
        if (settings == null)
        {
            return;
        }
        // Every journal records its format since the first one; a missing key is from no writer of ours.
        final String format = settings.getProperty("entryFormat", "none");
        if (!format.equals(Integer.toString(JournalCodec.FORMAT)))
        {
            throw new JournalException("journal " + root + " has entry format " + format + " (" +
                root.resolve(SETTINGS) + "), but this build reads and writes only format " + JournalCodec.FORMAT +
                (format.equals("1") ? " (format 1 stored one document per command; format 2 packs the commands of a " +
                    "batch into one document)" : "") +
                (format.equals("2") ? " (format 2 has no request ids or client order ids, so retries and HTTP order " +
                    "ids could not survive a restart)" : "") + "; read it with the build that wrote it, e.g. journal cat, " +
                "and run the commands into a new journal");
        }
    }

    /** The recorded settings, or null when none are. */
    private Properties settings()
    {
        final Path file = root.resolve(SETTINGS);
        if (!Files.exists(file))
        {
            return null;
        }
        final Properties settings = new Properties();
        try (InputStream in = Files.newInputStream(file))
        {
            settings.load(in);
            return settings;
        }
        catch (final IOException | IllegalArgumentException e)
        {
            throw new JournalException("unreadable journal settings " + file + ": " + e, e);
        }
    }

    /** Records the settings on first use; refuses to continue a journal written with other settings. */
    public void settle(final SelfTradePrevention stp)
    {
        final Path file = root.resolve(SETTINGS);
        if (Files.exists(file))
        {
            final SelfTradePrevention recorded = selfTradePrevention();
            if (recorded != stp)
            {
                throw new JournalException("journal " + root + " was written with self-trade prevention " + recorded +
                    ", not " + stp + "; replaying it under other rules would change history");
            }
            checkFormat();
            return;
        }
        prepareForWriting();
        final Properties settings = new Properties();
        settings.setProperty("stp", stp.name());
        settings.setProperty("entryFormat", Integer.toString(JournalCodec.FORMAT));
        try (OutputStream out = Files.newOutputStream(file))
        {
            settings.store(out, "engine journal settings");
        }
        catch (final IOException e)
        {
            throw new JournalException("cannot write " + file + ": " + e, e);
        }
    }
}
