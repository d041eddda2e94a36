package engine.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole-file replacement: the target holds exactly the new bytes and no temporary file is left. */
class AtomicFileTest
{
    @Test
    void shouldCreateTheDirectoryAndReplaceAnExistingFileLeavingNoTemporaryFile(@TempDir final Path dir) throws Exception
    {
        final Path target = dir.resolve("a/b/state.snap");
        final byte[] first = "first version, longer than the second".getBytes(StandardCharsets.US_ASCII);
        AtomicFile.write(target, first, 0, first.length);
        assertThat(Files.readAllBytes(target)).isEqualTo(first);

        final byte[] second = "xxsecondxx".getBytes(StandardCharsets.US_ASCII);
        AtomicFile.write(target, second, 2, 6);
        assertThat(Files.readString(target)).isEqualTo("second");
        try (var files = Files.list(target.getParent()))
        {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("state.snap");
        }
    }

    @Test
    void shouldChecksumWithCrc32c()
    {
        final byte[] bytes = "123456789".getBytes(StandardCharsets.US_ASCII);
        final CRC32C crc = new CRC32C();
        crc.update(bytes, 1, 7);
        assertThat(AtomicFile.crc32c(bytes, 1, 7)).isEqualTo((int)crc.getValue());
        // The standard CRC32C check value of "123456789".
        assertThat(AtomicFile.crc32c(bytes, 0, 9)).isEqualTo(0xE3069283);
    }
}
