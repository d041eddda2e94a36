package engine.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import engine.testing.TestSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/HTTP-API.md's examples run as written: docs/http-examples.sh holds every curl line of the
 * page in the page's order, runs against a live server with the page's keys file, and answers
 * what the page shows (timestamps aside).
 */
class HttpExamplesTest
{
    private static final Path PAGE = Path.of("docs", "HTTP-API.md");
    private static final Path SCRIPT = Path.of("docs", "http-examples.sh");

    /** A command of a shell block (continuation lines joined) and the answer the page shows after it, if any. */
    record Example(String command, String answer)
    {
    }

    @TempDir
    Path dir;

    @Test
    void shouldHoldEveryCurlLineOfThePageInThePagesOrder() throws IOException
    {
        final List<String> page = commands(PAGE).stream().map(Example::command).filter(HttpExamplesTest::runs).toList();
        final List<String> script = commands(SCRIPT).stream().map(Example::command).filter(HttpExamplesTest::runs).toList();

        assertThat(page).as("curl lines in the page").hasSizeGreaterThan(10);
        assertThat(script).as("the script runs the page's lines, in order, and nothing else").isEqualTo(page);
    }

    @Test
    void shouldAnswerWhatThePageShowsWhenRunAgainstALiveServer() throws Exception
    {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/curl")) || onPath("curl"), "needs curl");
        final Path keys = dir.resolve(ApiKeys.FILE_NAME);
        Files.writeString(keys, block(PAGE, "```properties"));
        // Wired as serve --http is (journal, event store, keys file in the data directory).
        try (LiveHttpFixture server = new LiveHttpFixture(dir))
        {
            final String output = run(server.front.port());
            final List<String> lines = output.lines().toList();
            final List<Example> examples = commands(PAGE).stream().filter(e -> e.command().startsWith("curl ")).toList();
            int line = 0;
            for (final Example example : examples)
            {
                if (example.command().contains(" -N "))
                {
                    assertThat(String.join("\n", lines.subList(line, lines.size()))).as(example.command())
                        .contains("event: depth").contains("\"bestBid\":304");
                    continue;
                }
                final String answer = lines.get(line++);
                final JsonNode actual = HttpApiTest.json(new HttpFixture.Reply(200, answer, null));
                assertThat(actual.has("error")).as(example.command() + " -> " + answer).isFalse();
                if (example.answer() != null)
                {
                    final JsonNode expected = HttpApiTest.json(new HttpFixture.Reply(200, example.answer(), null));
                    assertThat(withoutTimestamps(actual)).as(example.command()).isEqualTo(withoutTimestamps(expected));
                }
            }
        }
    }

    private String run(final int port) throws Exception
    {
        final ProcessBuilder builder = new ProcessBuilder("bash", SCRIPT.toString()).redirectErrorStream(true);
        final Map<String, String> env = builder.environment();
        env.put("API", "http://localhost:" + port);
        final String settings = commands(PAGE).stream().map(Example::command).filter(c -> c.startsWith("API="))
            .findFirst().orElseThrow();
        for (final String assignment : settings.split(" "))
        {
            final String[] pair = assignment.split("=", 2);
            if (!pair[0].equals("API"))
            {
                env.put(pair[0], pair[1]);
            }
        }
        final Process process = builder.start();
        final String output;
        try (InputStream in = process.getInputStream())
        {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(process.waitFor(TestSettings.timeoutMillis(120), TimeUnit.MILLISECONDS)).as(output).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    private static boolean runs(final String command)
    {
        return command.startsWith("curl ") || command.startsWith("API=") || command.startsWith("H=");
    }

    /** The commands of the file's shell code (a whole .sh file, or the ```sh blocks of a page), each with the answer shown under it. */
    static List<Example> commands(final Path file) throws IOException
    {
        final List<String> lines = Files.readAllLines(file);
        final boolean page = file.toString().endsWith(".md");
        final List<Example> out = new ArrayList<>();
        boolean inShell = !page;
        StringBuilder command = null;
        StringBuilder answer = null;
        for (final String raw : lines)
        {
            final String line = raw.strip();
            if (page && line.startsWith("```"))
            {
                inShell = !inShell && line.equals("```sh");
                continue;
            }
            if (!inShell)
            {
                continue;
            }
            if (command != null && command.charAt(command.length() - 1) == '\\')
            {
                command.setLength(command.length() - 1);
                command.append(line);
                continue;
            }
            if (line.startsWith("# {") && command != null || line.startsWith("#  ") && answer != null)
            {
                answer = answer == null ? new StringBuilder() : answer;
                answer.append(line.substring(1).strip());
                continue;
            }
            flush(out, command, answer);
            command = null;
            answer = null;
            if (!line.isEmpty() && !line.startsWith("#"))
            {
                command = new StringBuilder(line);
            }
        }
        flush(out, command, answer);
        return out;
    }

    private static void flush(final List<Example> out, final StringBuilder command, final StringBuilder answer)
    {
        if (command != null)
        {
            out.add(new Example(command.toString().replaceAll("\\s+", " "), null));
        }
        if (answer != null && !out.isEmpty() && !answer.toString().contains("..."))
        {
            final Example last = out.remove(out.size() - 1);
            out.add(new Example(last.command(), answer.toString()));
        }
    }

    private static String block(final Path file, final String fence) throws IOException
    {
        final String text = Files.readString(file);
        final int start = text.indexOf(fence + "\n") + fence.length() + 1;
        return text.substring(start, text.indexOf("```", start));
    }

    /** The answer without its times: {@code timestamp} fields, and the time in a command's {@code text}, at any depth. */
    private static JsonNode withoutTimestamps(final JsonNode node)
    {
        final JsonNode copy = node.deepCopy();
        removeTimes(copy);
        return copy;
    }

    private static void removeTimes(final JsonNode node)
    {
        if (node.isObject())
        {
            final ObjectNode object = (ObjectNode)node;
            object.remove("timestamp");
            final JsonNode text = object.get("text");
            if (text != null && text.isTextual())
            {
                object.put("text", text.asText().replaceFirst("^([A-Z]+),-?[0-9]+", "$1,TIME"));
            }
        }
        node.forEach(HttpExamplesTest::removeTimes);
    }

    private static boolean onPath(final String program)
    {
        for (final String dir : System.getenv().getOrDefault("PATH", "").split(":"))
        {
            if (Files.isExecutable(Path.of(dir, program)))
            {
                return true;
            }
        }
        return false;
    }
}
