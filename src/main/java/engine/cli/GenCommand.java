package engine.cli;

import engine.workload.WorkloadGenerator;
import engine.workload.WorkloadProfile;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code engine gen}: writes a synthetic workload as a command file. */
@Command(name = "gen", mixinStandardHelpOptions = true,
    description = "Writes a workload in command-file format: deposits, then mostly limit orders near a moving "
        + "mid, cancels, amends and some IOC/FOK/market orders.")
final class GenCommand implements Callable<Integer>
{
    @Option(names = "--profile", defaultValue = "realistic",
        description = "realistic, peer-mix (exchange-core's benchmark mix), multi, heavy-match or ec-mix"
            + " (peer-mix with price moves for its quantity amends) (default ${DEFAULT-VALUE})")
    private String profile;

    @Option(names = "--seed", defaultValue = "1", description = "random seed (default ${DEFAULT-VALUE})")
    private long seed;

    @Option(names = "--commands", defaultValue = "1000000", description = "lines to write (default ${DEFAULT-VALUE})")
    private long commands;

    @Option(names = "--symbols", description = "number of symbols (default: the profile's)")
    private Integer symbols;

    @Option(names = "--accounts", description = "number of accounts (default: the profile's)")
    private Integer accounts;

    @Option(names = "--sagas", paramLabel = "N", defaultValue = "0",
        description = "make every N-th command of the order flow a withdrawal saga step, deposit notification or " +
            "balance adjustment (docs/SAGAS.md); 0 for none (default ${DEFAULT-VALUE}: the profile's output unchanged)")
    private int sagas;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "the file to write, or - for stdout")
    private String out;

    @Override
    public Integer call() throws Exception
    {
        final WorkloadProfile chosen = WorkloadProfile.parse(profile);
        final WorkloadGenerator generator = new WorkloadGenerator(chosen, seed,
            symbols != null ? symbols : chosen.defaultSymbols(), accounts != null ? accounts : chosen.defaultAccounts())
            .sagaEvery(sagas);
        final long started = System.nanoTime();
        try (Writer writer = "-".equals(out) ?
            new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16) :
            Files.newBufferedWriter(Path.of(out), StandardCharsets.UTF_8))
        {
            generator.write(commands, writer);
        }
        System.err.printf("gen: %,d commands (%s, seed %d) in %.2f s%n", commands, chosen.cliName(), seed,
            (System.nanoTime() - started) / 1e9);
        return 0;
    }
}
