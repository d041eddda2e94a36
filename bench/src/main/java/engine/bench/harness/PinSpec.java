package engine.bench.harness;

import engine.app.CpuAffinity;
import java.util.Map;

/**
 * The harness's {@code --pin blp=1,io=0,output=0,producer=0}: the engine's roles go to the engine,
 * which pins its own threads ({@link CpuAffinity}); {@code producer}, the harness thread that
 * submits, pins itself with the same {@link CpuAffinity#pinCurrentThread}. {@code journal} and
 * {@code result} are accepted as older names of {@code io}, whose thread now does both.
 */
final class PinSpec
{
    private static final String PRODUCER = "producer";

    private PinSpec()
    {
    }

    /** The engine's share of the spec, in the form {@code EngineConfig.affinity} takes. */
    static Map<String, Integer> engineAffinity(final String spec)
    {
        final StringBuilder engine = new StringBuilder();
        for (final String part : parts(spec))
        {
            final String[] kv = part.split("=", 2);
            final String role = kv[0].trim();
            if (!role.equals(PRODUCER))
            {
                final String name = role.equals("journal") || role.equals("result") ? "io" : role;
                engine.append(engine.length() == 0 ? "" : ",").append(name).append(kv.length == 2 ? "=" + kv[1] : "");
            }
        }
        return CpuAffinity.parse(engine.toString());
    }

    /** Pins the calling thread if the spec names the {@code producer} role. */
    static void pinProducer(final String spec)
    {
        for (final String part : parts(spec))
        {
            final String[] kv = part.split("=", 2);
            if (kv[0].trim().equals(PRODUCER))
            {
                if (kv.length != 2 || !kv[1].trim().matches("\\d+"))
                {
                    throw new IllegalArgumentException("bad --pin entry '" + part + "': expected producer=cpu");
                }
                CpuAffinity.pinCurrentThread(Integer.parseInt(kv[1].trim()));
            }
        }
    }

    private static String[] parts(final String spec)
    {
        return spec.isBlank() ? new String[0] : spec.split(",");
    }
}
