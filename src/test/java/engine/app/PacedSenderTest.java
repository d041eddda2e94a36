package engine.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import engine.api.Command;
import engine.core.ResultListener;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PacedSenderTest
{
    private static final ResultListener NO_LISTENER = result ->
    {
    };

    @Test
    void shouldSendEachCommandInOrderNoEarlierThanItsDueTime() throws Exception
    {
        final Command[] commands = commands(200);
        final List<Command> submitted = new ArrayList<>();
        final PacedSender sender = new PacedSender(10_000, commands.length);
        final long start = System.nanoTime();

        final int sent = sender.send(PacedSender.Feed.of(commands), commands.length, start,
            (command, listener) -> submitted.add(command), NO_LISTENER);

        assertThat(sent).isEqualTo(200);
        assertThat(submitted).containsExactly(commands);
        assertThat(sender.start()).isEqualTo(start);
        assertThat(sender.due(199) - start).isEqualTo(19_900_000L);
        for (int i = 0; i < sent; i++)
        {
            assertThat(sender.sentAt(i)).as("command %d", i).isGreaterThanOrEqualTo(sender.due(i));
        }
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(19_900_000L);
    }

    @Test
    void shouldSendEverythingDueAtOnceWhenBehind() throws Exception
    {
        final Command[] commands = commands(1_000);
        final PacedSender sender = new PacedSender(1_000, commands.length);
        // Due a whole second ago: all 1,000 are late, so none waits.
        final long began = System.nanoTime();
        final long start = began - 1_000_000_000L;

        final int sent = sender.send(PacedSender.Feed.of(commands), commands.length, start, (command, listener) ->
        {
        }, NO_LISTENER);

        assertThat(sent).isEqualTo(1_000);
        // Paced from its own clock it would take a second.
        assertThat(System.nanoTime() - began).isLessThan(500_000_000L);
    }

    @Test
    void shouldStopWhenTheFeedRunsOutOrTheCountIsReached() throws Exception
    {
        final PacedSender sender = new PacedSender(1_000_000, 10);

        assertThat(sender.send(PacedSender.Feed.of(commands(3)), 10, System.nanoTime(), (c, l) ->
        {
        }, NO_LISTENER)).isEqualTo(3);
        assertThat(sender.send(PacedSender.Feed.of(commands(30)), 5, System.nanoTime(), (c, l) ->
        {
        }, NO_LISTENER)).isEqualTo(5);
        assertThatThrownBy(() -> new PacedSender(0, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static Command[] commands(final int count)
    {
        final Command[] commands = new Command[count];
        for (int i = 0; i < count; i++)
        {
            commands[i] = new Command();
        }
        return commands;
    }
}
