package engine.saga;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The simulated wallet's durable record of its idempotency keys, as a real payment API keeps them: a
 * key's outcome (paid, refused, cancelled) is written and forced to disk before the wallet answers,
 * and a restarted wallet reads them back, so a repeat call after a crash of either side gets the
 * recorded answer and never pays again. For the simulation writing the {@code PAID} line is the
 * payment: a crash before it means the money never left and the call was never answered.
 *
 * <p>Text, one line per settled key: {@code PAID,<key>,<account>,<asset>,<amount>}, or
 * {@code REFUSED,<key>} / {@code CANCELLED,<key>}, after the header {@value #HEADER}. A torn last line
 * (a kill in the middle of a write) is cut off on open; it was never answered. Tests read the file to
 * check that no key was paid twice across restarts.
 */
public final class WalletLedger implements AutoCloseable
{
    /** The first line; the number is the format's version. */
    public static final String HEADER = "# simulated wallet ledger, format 1";

    /** One settled key as the file records it. */
    public record Entry(String state, long key, long account, String asset, long amount)
    {
    }

    private final FileChannel channel;
    private final List<Entry> entries;

    private WalletLedger(final FileChannel channel, final List<Entry> entries)
    {
        this.channel = channel;
        this.entries = entries;
    }

    /** Opens {@code file}, creating it when missing; fails on a file of another format. */
    public static WalletLedger open(final Path file) throws IOException
    {
        final List<Entry> entries = Files.exists(file) ? read(file) : List.of();
        final FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        final String text = Files.readString(file, StandardCharsets.US_ASCII);
        final int end = text.lastIndexOf('\n') + 1;
        channel.truncate(end); // a torn last line was never answered: it did not happen
        channel.position(end);
        final WalletLedger ledger = new WalletLedger(channel, new ArrayList<>(entries));
        if (end == 0)
        {
            ledger.write(HEADER);
        }
        return ledger;
    }

    /** The complete lines of {@code file} (a torn last line left out). */
    public static List<Entry> read(final Path file) throws IOException
    {
        final String text = Files.readString(file, StandardCharsets.US_ASCII);
        final String complete = text.substring(0, text.lastIndexOf('\n') + 1);
        final List<Entry> out = new ArrayList<>();
        final String[] lines = complete.split("\n");
        if (!complete.isEmpty() && !lines[0].equals(HEADER))
        {
            throw new IOException(file + " is not a simulated wallet ledger of format 1 (first line '" + lines[0] + "')");
        }
        for (int i = 1; i < lines.length; i++)
        {
            final String[] f = lines[i].split(",");
            out.add(f[0].equals("PAID") ? new Entry(f[0], Long.parseLong(f[1]), Long.parseLong(f[2]), f[3], Long.parseLong(f[4])) :
                new Entry(f[0], Long.parseLong(f[1]), 0, "", 0));
        }
        return out;
    }

    /** What the file held when it was opened. */
    public synchronized List<Entry> entries()
    {
        return List.copyOf(entries);
    }

    /** Records that {@code request}'s key was paid; returns once it is on disk. */
    public synchronized void paid(final TransferRequest request)
    {
        write("PAID," + request.idempotencyKey() + "," + request.account() + "," + request.asset() + "," + request.amount());
    }

    /** Records a key refused or cancelled; returns once it is on disk. */
    public synchronized void settled(final String state, final long key)
    {
        write(state + "," + key);
    }

    private void write(final String line)
    {
        try
        {
            final ByteBuffer bytes = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.US_ASCII));
            while (bytes.hasRemaining())
            {
                channel.write(bytes);
            }
            channel.force(false);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("wallet ledger: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() throws IOException
    {
        channel.close();
    }
}
