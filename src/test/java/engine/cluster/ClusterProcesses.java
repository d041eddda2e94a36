package engine.cluster;

import engine.testing.ChildEngine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Three cluster members as three child JVMs on this machine, each with its own directory. */
final class ClusterProcesses implements AutoCloseable
{
    private static final Pattern STATUS = Pattern.compile("member (\\d+) status: seq (\\d+) hash (\\w+) applied (\\d+)");

    /** One member's line for one status query. */
    record MemberStatus(int member, long seq, String hash, long applied)
    {
    }

    private final Path root;
    private final ClusterLayout layout;
    private final Process[] members = new Process[3];
    private final int[] starts = new int[3];

    ClusterProcesses(final Path root, final int portBase)
    {
        this.root = root;
        this.layout = ClusterLayout.parse("localhost,localhost,localhost", portBase);
    }

    ClusterLayout layout()
    {
        return layout;
    }

    Path dir(final int member)
    {
        return root.resolve("member-" + member);
    }

    void start(final int member) throws IOException
    {
        start(member, List.of());
    }

    /** Starts {@code member} with {@code extra} options after the usual ones (e.g. {@code --http PORT}). */
    void start(final int member, final List<String> extra) throws IOException
    {
        Files.createDirectories(dir(member));
        final List<String> command = new ArrayList<>(ChildEngine.command(List.of("-Xmx256m"), "cluster", "--node",
            Integer.toString(member), "--members", String.join(",", layout.hosts()), "--port-base",
            Integer.toString(layout.portBase()), "--dir", dir(member).toString()));
        command.addAll(extra);
        final Path output = dir(member).resolve("out-" + starts[member]++ + ".log");
        members[member] = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
    }

    /** SIGKILL: no shutdown hook, no final snapshot, no goodbye to the other members. */
    void kill(final int member) throws InterruptedException
    {
        members[member].destroyForcibly();
        members[member].waitFor();
    }

    boolean alive(final int member)
    {
        return members[member] != null && members[member].isAlive();
    }

    /** The status line {@code member} logged for the query that the leader answered at {@code seq}, or null. */
    MemberStatus status(final int member, final long seq) throws IOException
    {
        final Path log = dir(member).resolve("status.log");
        if (!Files.exists(log))
        {
            return null;
        }
        for (final String line : Files.readAllLines(log, StandardCharsets.UTF_8))
        {
            final Matcher m = STATUS.matcher(line);
            if (m.find() && Long.parseLong(m.group(2)) == seq)
            {
                return new MemberStatus(Integer.parseInt(m.group(1)), seq, m.group(3), Long.parseLong(m.group(4)));
            }
        }
        return null;
    }

    String statusLog(final int member) throws IOException
    {
        final Path log = dir(member).resolve("status.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    @Override
    public void close() throws InterruptedException
    {
        for (int i = 0; i < members.length; i++)
        {
            if (alive(i))
            {
                kill(i);
            }
        }
    }
}
