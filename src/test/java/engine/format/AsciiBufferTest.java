package engine.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Numbers are written as {@link Long#toString} writes them, without creating strings. */
class AsciiBufferTest
{
    @Test
    void shouldWriteEveryLongAsLongToStringDoes()
    {
        final long[] edges = {0, 1, 9, 10, 11, 99, 100, 101, 999, 1000, -1, -9, -10, -100, Long.MAX_VALUE,
            Long.MIN_VALUE, Long.MIN_VALUE + 1, 1_000_000_000_000_000_000L, 999_999_999_999_999_999L};
        for (final long value : edges)
        {
            assertThat(written(value)).isEqualTo(Long.toString(value));
        }
        final SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 100_000; i++)
        {
            final long value = i % 2 == 0 ? random.nextLong() : random.nextLong(1_000_000_000L);
            assertThat(written(value)).as("%d", value).isEqualTo(Long.toString(value));
        }
    }

    @Test
    void shouldGrowWhenFull()
    {
        final AsciiBuffer buffer = new AsciiBuffer(1);
        for (int i = 0; i < 1000; i++)
        {
            buffer.append(i).append((byte)',');
        }
        assertThat(buffer.toString()).startsWith("0,1,2,").endsWith(",999,");
    }

    private static String written(final long value)
    {
        return new AsciiBuffer(2).append(value).toString();
    }
}
