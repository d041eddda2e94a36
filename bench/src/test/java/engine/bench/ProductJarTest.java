package engine.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The product jar ({@code target/engine.jar}, made by the engine's {@code mvn package}) holds the
 * product only: no benchmark classes and no JMH, which live in this module alone.
 */
class ProductJarTest
{
    @Test
    void shouldHoldTheEngineButNoBenchmarksAndNoJmh() throws IOException
    {
        final Path jar = Path.of(System.getProperty("engine.jar", "../target/engine.jar"));
        assertThat(jar).as("the product jar; build it first: mvn -B -q install -DskipTests").isRegularFile();
        final List<String> names = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile()))
        {
            for (final JarEntry entry : (Iterable<JarEntry>)file.stream()::iterator)
            {
                names.add(entry.getName());
            }
        }

        assertThat(names).contains("engine/cli/Main.class", "engine/app/PacedSender.class");
        assertThat(names).filteredOn(name -> name.startsWith("org/openjdk/jmh/") || name.startsWith("engine/bench/")
            || name.equals("META-INF/BenchmarkList")).isEmpty();
    }
}
