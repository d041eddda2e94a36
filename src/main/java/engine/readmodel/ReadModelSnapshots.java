package engine.readmodel;

import engine.io.AtomicFile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Snapshots of the six read models, so that a projection can start from one instead of
 * replaying the whole event store.
 *
 * <p>File {@code readmodels-<seq, 20 digits>.snap}, written with {@link AtomicFile} (temporary
 * file, forced, renamed atomically, directory forced). Layout (big-endian, {@link DataOutputStream}):
 * <pre>
 *   int   magic 0x524D534E ("RMSN")
 *   int   format version ({@link #VERSION})
 *   long  seq: the lowest sequence every model had applied; the event store resumes after it
 *   int   model count (6)
 *   per model, in ReadModels order (depth, trades, accounts, orders, commands, withdrawals):
 *     UTF   model class simple name
 *     long  the model's own applied sequence
 *     int   state length, then that many bytes of the model's own state (enums as their
 *           {@link engine.api.Coded} codes)
 *   int   CRC32C of every byte before it
 * </pre>
 * A file with a bad magic, version, length or checksum, or whose state does not fit the models
 * (another {@code --time-unit-nanos}), is reported through the reporter naming the file and
 * skipped in favour of the next older one; with none left the caller replays from the start.
 */
public final class ReadModelSnapshots
{
    /** The folder for snapshots inside the event store folder. */
    public static final String DIR_NAME = "readmodel-snapshots";
    public static final int MAGIC = 0x524D534E;
    /**
     * 2: primitive model layouts with retention (finished-order queue, command ring); 3: trades
     * carry four candle intervals (1 s, 1 min, 5 min, 1 h); 4: a CRC32C (int) instead of a CRC32
     * (long) and enums as their stable codes, where 3 stored ordinals (a rejection reason's
     * ordinal differs from its code); 5: a sixth model, the withdrawal sagas ({@link WithdrawalView}).
     * Other versions are refused, naming the file and both versions; the projection then replays
     * the event store, which can always rebuild them.
     */
    public static final int VERSION = 5;
    private static final int CHECKSUM = 4;
    private static final Pattern FILE = Pattern.compile("readmodels-(\\d{20})\\.snap");

    /** The models' state, copied model by model under each model's lock. */
    public static final class Snapshot
    {
        private final long seq;
        private final List<ReadModel> models;
        private final List<ReadModel.State> states;

        private Snapshot(final long seq, final List<ReadModel> models, final List<ReadModel.State> states)
        {
            this.seq = seq;
            this.models = models;
            this.states = states;
        }

        /** The lowest sequence the snapshot's models had applied. */
        public long seq()
        {
            return seq;
        }
    }

    /** Models restored from {@code file}, which had applied every command up to {@code seq}. */
    public record Restored(ReadModels models, long seq, Path file)
    {
    }

    private final Path dir;
    private final Consumer<String> report;
    private final int keep;

    /**
     * @param dir where snapshots live (created on the first write)
     * @param report told, in one line naming the file, of every snapshot ignored and why
     * @param keep how many of the newest snapshots to keep after each write (at least 1)
     */
    public ReadModelSnapshots(final Path dir, final Consumer<String> report, final int keep)
    {
        this.dir = dir;
        this.report = report;
        this.keep = Math.max(1, keep);
    }

    public Path dir()
    {
        return dir;
    }

    /**
     * Copies the state of every model (each under its own lock, in memory). Call it on the thread
     * that feeds the models, between commands; writing the copy to disk can then happen anywhere.
     */
    public static Snapshot capture(final ReadModels models)
    {
        final List<ReadModel.State> states = new ArrayList<>();
        long seq = Long.MAX_VALUE;
        for (final ReadModel model : models.all())
        {
            final ReadModel.State state = model.snapshotState();
            states.add(state);
            seq = Math.min(seq, state.appliedSeq());
        }
        return new Snapshot(seq, models.all(), states);
    }

    /** The file bytes of {@code snapshot}. */
    static byte[] encode(final Snapshot snapshot)
    {
        final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(buffer))
        {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeLong(snapshot.seq);
            out.writeInt(snapshot.states.size());
            for (int i = 0; i < snapshot.states.size(); i++)
            {
                final ReadModel.State state = snapshot.states.get(i);
                out.writeUTF(snapshot.models.get(i).getClass().getSimpleName());
                out.writeLong(state.appliedSeq());
                out.writeInt(state.bytes().length);
                out.write(state.bytes());
            }
            out.flush();
            final byte[] body = buffer.toByteArray();
            out.writeInt(AtomicFile.crc32c(body, 0, body.length));
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }

    /** Restores {@code bytes} (a whole file) into fresh {@code models}; returns the snapshot's seq. */
    static long decode(final byte[] bytes, final ReadModels models) throws IOException
    {
        if (bytes.length < 4 + 4 + 8 + 4 + CHECKSUM)
        {
            throw new IOException("too short (" + bytes.length + " bytes)");
        }
        final ByteBuffer buffer = ByteBuffer.wrap(bytes);
        final int magic = buffer.getInt(0);
        if (magic != MAGIC)
        {
            throw new IOException("not a read-model snapshot (magic " + Integer.toHexString(magic) + ")");
        }
        final int version = buffer.getInt(4);
        if (version != VERSION)
        {
            throw new IOException("unsupported format version " + version + " (this build reads " + VERSION + ")" +
                (version < VERSION ? "; replaying the event store instead rebuilds it" : ""));
        }
        if (AtomicFile.crc32c(bytes, 0, bytes.length - CHECKSUM) != buffer.getInt(bytes.length - CHECKSUM))
        {
            throw new IOException("checksum mismatch");
        }
        final DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 8, bytes.length - 8 - CHECKSUM));
        final long seq = in.readLong();
        final int count = in.readInt();
        final List<ReadModel> all = models.all();
        if (count != all.size())
        {
            throw new IOException("holds " + count + " models, expected " + all.size());
        }
        for (final ReadModel model : all)
        {
            final String name = in.readUTF();
            if (!name.equals(model.getClass().getSimpleName()))
            {
                throw new IOException("holds " + name + " where " + model.getClass().getSimpleName() + " belongs");
            }
            final long modelSeq = in.readLong();
            final byte[] state = new byte[SnapshotIO.readCount(in, bytes.length)];
            in.readFully(state);
            if (modelSeq < seq)
            {
                throw new IOException(name + " at seq " + modelSeq + " is behind the snapshot seq " + seq);
            }
            final DataInputStream stateIn = new DataInputStream(new ByteArrayInputStream(state));
            model.restoreState(modelSeq, stateIn);
            if (stateIn.available() != 0)
            {
                throw new IOException(name + " state has " + stateIn.available() + " bytes left over");
            }
        }
        if (in.available() != 0)
        {
            throw new IOException(in.available() + " bytes after the last model");
        }
        return seq;
    }

    /** Writes {@code snapshot} atomically ({@link AtomicFile}); prunes old ones. */
    public Path write(final Snapshot snapshot) throws IOException
    {
        final Path file = dir.resolve(fileName(snapshot.seq));
        final byte[] bytes = encode(snapshot);
        AtomicFile.write(file, bytes, 0, bytes.length);
        prune();
        return file;
    }

    static String fileName(final long seq)
    {
        return String.format("readmodels-%020d.snap", seq);
    }

    /** The snapshot files, newest (highest seq) first. */
    public List<Path> list() throws IOException
    {
        if (!Files.isDirectory(dir))
        {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir))
        {
            return files.filter(p -> FILE.matcher(p.getFileName().toString()).matches())
                .sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed())
                .toList();
        }
    }

    private void prune() throws IOException
    {
        final List<Path> files = list();
        for (int i = keep; i < files.size(); i++)
        {
            Files.deleteIfExists(files.get(i));
        }
    }

    /**
     * Fresh models restored from the newest snapshot that is valid; every invalid one on the way
     * is reported naming the file. Empty when there is none (replay from the start).
     *
     * @param timeUnitNanos as for {@link ReadModels#ReadModels(long)}
     */
    public Optional<Restored> restoreNewest(final long timeUnitNanos) throws IOException
    {
        return restoreNewest(timeUnitNanos, ReadModels.Retention.defaults());
    }

    /**
     * As {@link #restoreNewest(long)}, into models with {@code retention}; a snapshot that kept
     * more history than it allows is trimmed to the newest, as the models would have trimmed it.
     */
    public Optional<Restored> restoreNewest(final long timeUnitNanos, final ReadModels.Retention retention)
        throws IOException
    {
        for (final Path file : list())
        {
            final ReadModels models = new ReadModels(timeUnitNanos, retention);
            try
            {
                final long seq = decode(Files.readAllBytes(file), models);
                return Optional.of(new Restored(models, seq, file));
            }
            catch (final IOException | RuntimeException e)
            {
                report.accept("ignoring read-model snapshot " + file + ": " +
                    (e.getMessage() != null ? e.getMessage() : e.toString()));
            }
        }
        return Optional.empty();
    }
}
