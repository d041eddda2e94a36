package engine.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.stream.Stream;

/**
 * Accounts for every cycle file of a journal before Chronicle reads it ({@link CycleFileScan}
 * on each, oldest first), so that recovery can tell the whole journal from what Chronicle
 * happens to show: Chronicle stops silently at a damaged header and does not notice a missing
 * file, and a file cut short makes it fault (SIGBUS) instead of failing.
 */
final class JournalFiles
{
    /** Chronicle's FAST_DAILY file names: the cycle's day, then F. */
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    /**
     * What the files hold.
     *
     * @param damage why the journal cannot be read to its end, or null
     * @param damageSeq the last seq readable before the damage (0 when none)
     * @param limitIndex the first document index not to read (the damaged one), or Long.MAX_VALUE
     * @param lastIndex index of the last data document the files hold before any damage, -1 when none
     * @param firstFile the oldest cycle file, or null when there are none
     * @param firstSeq the first command's seq, -1 when unknown
     * @param lastFile the newest cycle file, or null
     * @param torn the newest file's scan when it ends in an interrupted write, else null
     */
    record Verdict(String damage, long damageSeq, long limitIndex, long lastIndex, Path firstFile, long firstSeq,
        Path lastFile, CycleFileScan.Result torn)
    {
        /** Queue index the interrupted write at the end would have had, or -1. */
        long tornIndex()
        {
            return torn == null ? -1 : torn.index(torn.documents());
        }
    }

    private JournalFiles()
    {
    }

    static Verdict check(final JournalDirectory directory)
    {
        final List<Path> files = cycleFiles(directory);
        long lastIndex = -1;
        long lastSeq = 0;
        long firstSeq = -1;
        CycleFileScan.Result previous = null;
        for (int i = 0; i < files.size(); i++)
        {
            final Path file = files.get(i);
            final CycleFileScan.Result scan = CycleFileScan.scan(file, cycleOf(file));
            firstSeq = i == 0 ? scan.firstSeq() : firstSeq;
            if (previous != null && previous.lastSeq() >= 0 && scan.firstSeq() >= 0 &&
                scan.firstSeq() != previous.lastSeq() + 1)
            {
                return damaged("journal file " + file + " starts at seq " + scan.firstSeq() + " but the file before it, " +
                    previous.file() + ", ends at seq " + previous.lastSeq() + ": seqs " + (previous.lastSeq() + 1) +
                    " to " + (scan.firstSeq() - 1) + " are missing (a cycle file was removed?)", lastSeq, scan.index(0),
                    lastIndex, files, firstSeq);
            }
            if (scan.documents() > 0)
            {
                lastIndex = scan.index(scan.documents() - 1);
            }
            lastSeq = scan.lastSeq() >= 0 ? scan.lastSeq() : lastSeq;
            if (scan.damage() != null)
            {
                return damaged(scan.damage(), lastSeq, scan.index(scan.documents()), lastIndex, files, firstSeq);
            }
            previous = scan;
            if (i == files.size() - 1)
            {
                return new Verdict(null, lastSeq, Long.MAX_VALUE, lastIndex, files.get(0), firstSeq, file,
                    scan.tornFrom() >= 0 ? scan : null);
            }
        }
        return new Verdict(null, 0, Long.MAX_VALUE, -1, null, -1, null, null);
    }

    private static Verdict damaged(final String why, final long seq, final long limit, final long lastIndex,
        final List<Path> files, final long firstSeq)
    {
        return new Verdict(why, seq, limit, lastIndex, files.get(0), firstSeq, files.get(files.size() - 1), null);
    }

    /** The journal's cycle files, oldest first. */
    static List<Path> cycleFiles(final JournalDirectory directory)
    {
        if (!Files.isDirectory(directory.queueDir()))
        {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory.queueDir()))
        {
            return files.filter(f -> f.getFileName().toString().endsWith(".cq4")).sorted().toList();
        }
        catch (final IOException e)
        {
            throw new JournalException("cannot list journal directory " + directory.queueDir() + ": " + e, e);
        }
    }

    /** The cycle (days since 1970) a FAST_DAILY file holds, from its name. */
    static long cycleOf(final Path file)
    {
        final String name = file.getFileName().toString();
        try
        {
            return LocalDate.parse(name.substring(0, Math.min(8, name.length())), DAY).toEpochDay();
        }
        catch (final DateTimeParseException e)
        {
            throw new JournalException("journal file " + file + " is not named like a daily cycle file (yyyyMMddF.cq4)", e);
        }
    }
}
