package engine.fix;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docs/FIX.md's client example works against the server, so that it cannot drift from the gateway. */
class FixClientExampleTest
{
    @TempDir
    Path dir;

    @Test
    void shouldPlaceAndCancelAnOrderWithTheDocumentedExample() throws Exception
    {
        try (FixServer server = new FixServer(dir.resolve("data"), FixServer.freePort()))
        {
            final String symbol = server.market("EX");
            final ByteArrayOutputStream out = new ByteArrayOutputStream();
            final boolean ok = FixClientExample.run(server.port, "CLIENT1", "1", FixServer.KEY_1, symbol, true, "30000",
                "2", dir.resolve("store"), new PrintStream(out, true, StandardCharsets.UTF_8));
            assertThat(ok).as(out.toString(StandardCharsets.UTF_8)).isTrue();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("|150=0|").contains("|150=4|");
        }
    }
}
