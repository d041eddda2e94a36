package engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import engine.api.SelfTradePrevention;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every hand-checked scenario under {@code src/test/resources/scenarios}: {@code NAME.cmd} run
 * with {@code --dump} must print exactly {@code NAME.out} (STATE_HASH aside). A first line
 * {@code # stp: MODE} selects self-trade prevention.
 */
class ScenarioFilesTest
{
    private static final Path SCENARIOS = Paths.get("src/test/resources/scenarios");

    @TestFactory
    Stream<DynamicTest> everyScenarioPrintsItsExpectedOutput() throws IOException
    {
        final List<Path> commandFiles;
        try (Stream<Path> files = Files.list(SCENARIOS))
        {
            commandFiles = files.filter(p -> p.toString().endsWith(".cmd")).sorted().toList();
        }
        assertThat(commandFiles).hasSizeGreaterThanOrEqualTo(30);
        return commandFiles.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () ->
        {
            final String commands = Files.readString(file);
            final Path expectedFile = Paths.get(file.toString().replaceAll("\\.cmd$", ".out"));
            final List<String> expected = Files.readAllLines(expectedFile).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("STATE_HASH,")).toList();
            final EngineRun run = EngineRun.of(commands, stpOf(commands), true, false);
            assertThat(run.withoutHash()).as(file.toString()).containsExactlyElementsOf(expected);
        }));
    }

    static SelfTradePrevention stpOf(final String commands)
    {
        final String first = commands.lines().findFirst().orElse("");
        if (first.startsWith("# stp:"))
        {
            return SelfTradePrevention.valueOf(first.substring("# stp:".length()).trim());
        }
        return SelfTradePrevention.NONE;
    }
}
