package engine.bench.harness;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Describes the machine and JVM a result was measured on; printed with every result. */
public final class Machine
{
    private Machine()
    {
    }

    public static void main(final String[] args)
    {
        System.out.print(describe());
    }

    public static String describe()
    {
        final Runtime rt = Runtime.getRuntime();
        final StringBuilder gcs = new StringBuilder();
        for (final GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans())
        {
            gcs.append(gcs.length() == 0 ? "" : ", ").append(gc.getName());
        }
        return "# date:    " + ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + "\n" +
            "# host:    " + hostName() + "\n" +
            "# cpu:     " + cpuModel() + ", " + rt.availableProcessors() + " cores available\n" +
            "# load:    " + loadAverage() + "\n" +
            "# os:      " + System.getProperty("os.name") + " " + System.getProperty("os.version") + " " +
            System.getProperty("os.arch") + "\n" +
            "# jvm:     " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") +
            " (" + System.getProperty("java.vendor") + ")\n" +
            "# heap:    max " + rt.maxMemory() / (1 << 20) + " MB; gc " + gcs + "\n" +
            "# jvmargs: " + String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()).replaceAll(
                "--add-(exports|opens)=\\S+ ?", "") + "\n";
    }

    static String cpuModel()
    {
        for (final String line : readLines("/proc/cpuinfo"))
        {
            if (line.startsWith("model name"))
            {
                return line.substring(line.indexOf(':') + 1).trim();
            }
        }
        return System.getProperty("os.arch");
    }

    static String loadAverage()
    {
        final List<String> lines = readLines("/proc/loadavg");
        return lines.isEmpty() ? "n/a" : lines.get(0);
    }

    private static String hostName()
    {
        final List<String> lines = readLines("/proc/sys/kernel/hostname");
        return lines.isEmpty() ? "n/a" : lines.get(0);
    }

    private static List<String> readLines(final String file)
    {
        try
        {
            return Files.readAllLines(Path.of(file));
        }
        catch (final IOException | RuntimeException e)
        {
            return List.of();
        }
    }
}
