package engine.readmodel;

import engine.api.Command;
import engine.api.SelfTradePrevention;
import engine.core.EventBatch;
import engine.format.CommandFileParser;
import engine.logic.BusinessLogic;
import java.util.List;
import java.util.function.Consumer;

/** Runs command-file lines through a bare business logic, one batch per command, on the test thread. */
final class EngineReplay
{
    final BusinessLogic logic;
    private final CommandFileParser parser = new CommandFileParser();
    private final Command command = new Command();
    private final EventBatch batch = new EventBatch();
    private long seq;

    EngineReplay(final SelfTradePrevention stp)
    {
        logic = new BusinessLogic(stp);
    }

    /** Applies each well-formed line and hands its events to {@code onBatch}. */
    void run(final List<String> lines, final Consumer<EventBatch> onBatch)
    {
        for (final String line : lines)
        {
            apply(line, onBatch);
        }
    }

    /** @return whether the line was a command */
    boolean apply(final String line, final Consumer<EventBatch> onBatch)
    {
        if (parser.parse(line, command) != CommandFileParser.Outcome.COMMAND)
        {
            return false;
        }
        command.seq(++seq);
        batch.begin(command, null);
        logic.apply(command, batch);
        onBatch.accept(batch);
        return true;
    }
}
