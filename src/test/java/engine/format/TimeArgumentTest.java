package engine.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Times given by users: engine timestamps as they are, ISO-8601 converted to the engine's unit. */
class TimeArgumentTest
{
    private static final long MILLIS = 1_000_000L;

    @Test
    void shouldTakeIntegersAsTimestamps()
    {
        assertThat(TimeArgument.parse("1764676800000", MILLIS)).isEqualTo(1_764_676_800_000L);
        assertThat(TimeArgument.parse(" 42 ", 1)).isEqualTo(42);
        assertThat(TimeArgument.parse("-5", MILLIS)).isEqualTo(-5);
    }

    @Test
    void shouldConvertIsoTimesToTheEnginesUnit()
    {
        assertThat(TimeArgument.parse("2025-12-02T12:00:00Z", MILLIS)).isEqualTo(1_764_676_800_000L);
        assertThat(TimeArgument.parse("2025-12-02T13:00:00.250+01:00", MILLIS)).isEqualTo(1_764_676_800_250L);
        assertThat(TimeArgument.parse("2025-12-02", MILLIS)).as("a date: its start in UTC").isEqualTo(1_764_633_600_000L);
        assertThat(TimeArgument.parse("2025-12-02T12:00:00Z", 1_000_000_000L)).as("seconds").isEqualTo(1_764_676_800L);
        assertThat(TimeArgument.parse("2025-12-02T12:00:00.0000001Z", 1)).as("nanoseconds").isEqualTo(1_764_676_800_000_000_100L);
    }

    @Test
    void shouldSayWhatIsAcceptedWhenATimeIsNotOne()
    {
        assertThatThrownBy(() -> TimeArgument.parse("yesterday", MILLIS)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("'yesterday' is not a time").hasMessageContaining("ISO-8601");
        assertThatThrownBy(() -> TimeArgument.parse("2025-12-02T12:00:00", MILLIS)).hasMessageContaining("needs Z or an offset");
        assertThatThrownBy(() -> TimeArgument.parse("", MILLIS)).hasMessageContaining("is empty");
        assertThatThrownBy(() -> TimeArgument.parse("99999999999999999999", MILLIS)).hasMessageContaining("64-bit");
        assertThatThrownBy(() -> TimeArgument.parse("3000-01-01T00:00:00Z", 1)).hasMessageContaining("out of the range");
    }
}
