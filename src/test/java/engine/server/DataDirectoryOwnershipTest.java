package engine.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import engine.api.AsciiName;
import engine.api.Command;
import engine.app.EngineConfig;
import engine.core.WaitStrategyType;
import engine.journal.DirectoryLock;
import engine.journal.JournalException;
import engine.journal.JournalMark;
import engine.testing.ChildEngine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One engine per data directory, and a data directory whose journal it cannot fully account
 * for is never served: refused with the reason, or salvaged on request with the original kept.
 */
class DataDirectoryOwnershipTest
{
    private static final PrintStream QUIET = new PrintStream(new ByteArrayOutputStream());

    @TempDir
    Path dir;

    private LiveEngine start(final boolean salvage, final PrintStream log)
    {
        return LiveEngine.builder(dir).snapshotEvery(0).log(log).recoverToLastGood(salvage)
            .config(EngineConfig.live().toBuilder().waitStrategy(WaitStrategyType.SLEEPING).build()).start();
    }

    private static long submit(final LiveEngine live, final Command command)
    {
        final CompletableFuture<Long> seq = new CompletableFuture<>();
        live.submit(command, result -> seq.complete(result.seq()));
        return seq.orTimeout(60, TimeUnit.SECONDS).join();
    }

    private static void deposits(final LiveEngine live, final int count)
    {
        for (int i = 0; i < count; i++)
        {
            submit(live, new Command().deposit(0, 1 + i % 3, AsciiName.hi("USD"), AsciiName.lo("USD"), 1 + i));
        }
    }

    @Test
    void shouldRefuseASecondEngineOnTheSameDirectoryNamingTheHolder()
    {
        try (LiveEngine first = start(false, QUIET))
        {
            assertThatThrownBy(() -> start(false, QUIET)).isInstanceOf(JournalException.class)
                .hasMessageContaining(dir.toString()).hasMessageContaining("in use")
                .hasMessageContaining("pid " + ProcessHandle.current().pid()).hasMessageContaining("serve");
            assertThat(submit(first, new Command().tick(0))).isEqualTo(1); // the first one is unharmed
        }
        try (LiveEngine again = start(false, QUIET))
        {
            assertThat(again.recovered().lastSeq()).isEqualTo(1); // released on close
        }
    }

    @Test
    void shouldNotBeBlockedByALockFileLeftBehindByAKilledProcess() throws IOException
    {
        Files.writeString(dir.resolve(DirectoryLock.FILE_NAME), "pid 999999, host gone, started long ago, command serve\n");

        try (DirectoryLock lock = DirectoryLock.acquire(dir, "test"))
        {
            assertThat(Files.readString(dir.resolve(DirectoryLock.FILE_NAME)))
                .contains("pid " + ProcessHandle.current().pid()).contains("command test");
        }
    }

    @Test
    void shouldRefuseAnotherProcessWhileAnEngineOwnsTheDirectory() throws Exception
    {
        try (LiveEngine live = start(false, QUIET))
        {
            deposits(live, 3);
            final Process child = new ProcessBuilder(ChildEngine.command(List.of(), "journal", "snapshot", dir.toString()))
                .redirectErrorStream(true).start();
            final String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(child.exitValue()).as(output).isEqualTo(1);
            assertThat(output).contains("in use").contains("pid " + ProcessHandle.current().pid());
        }
    }

    @Test
    void shouldRefuseToServeAJournalWithADamagedHeaderInTheMiddleAndSalvageOnlyWhenAsked() throws IOException
    {
        try (LiveEngine live = start(false, QUIET))
        {
            for (int batch = 0; batch < 40; batch++)
            {
                deposits(live, 5); // one at a time: one document each, so the damage is in the middle
            }
        }
        final Path file;
        try (Stream<Path> files = Files.list(dir.resolve("queue")))
        {
            file = files.filter(f -> f.toString().endsWith(".cq4")).findFirst().orElseThrow();
        }
        final long header = middleDocumentHeader(file);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw"))
        {
            raf.seek(header);
            raf.write(new byte[] {0x34, 0x12, 0x00, (byte)0x80});
        }

        assertThatThrownBy(() -> start(false, QUIET)).isInstanceOf(JournalException.class)
            .hasMessageContaining(file.toString()).hasMessageContaining("damaged in the middle")
            .hasMessageContaining("--recover-to-last-good");
        final ByteArrayOutputStream log = new ByteArrayOutputStream();
        final long salvagedSeq;
        try (LiveEngine live = start(true, new PrintStream(log, true, StandardCharsets.UTF_8)))
        {
            salvagedSeq = live.recovered().lastSeq();
            assertThat(salvagedSeq).isBetween(1L, 199L);
            assertThat(submit(live, new Command().tick(0))).isEqualTo(salvagedSeq + 1);
        }
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("damaged in the middle").contains("original journal is in");
        try (LiveEngine live = start(false, QUIET))
        {
            assertThat(live.recovered().lastSeq()).isEqualTo(salvagedSeq + 1);
        }
    }

    @Test
    void shouldRefuseToServeADirectoryWhoseJournalFilesAreGone() throws IOException
    {
        try (LiveEngine live = start(false, QUIET))
        {
            deposits(live, 10);
        }
        assertThat(JournalMark.read(engine.journal.JournalDirectory.of(dir)).seq()).isEqualTo(10);
        try (Stream<Path> files = Files.list(dir.resolve("queue")))
        {
            for (final Path file : files.filter(f -> f.toString().endsWith(".cq4")).toList())
            {
                Files.delete(file);
            }
        }

        assertThatThrownBy(() -> start(false, QUIET)).isInstanceOf(JournalException.class)
            .hasMessageContaining("seqs 1 to 10 are missing");
    }

    /** The header offset of the data document in the middle of a Chronicle file, by walking its headers. */
    private static long middleDocumentHeader(final Path file) throws IOException
    {
        final byte[] bytes = Files.readAllBytes(file);
        final java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        final List<Long> data = new java.util.ArrayList<>();
        long position = 0;
        while (true)
        {
            final int value = buffer.getInt((int)position);
            if (value == 0)
            {
                break;
            }
            if ((value & 0x4000_0000) == 0)
            {
                data.add(position);
            }
            position = (position + 4 + (value & 0x3FFF_FFFF) + 3) & ~3L;
        }
        return data.get(data.size() / 2);
    }
}
