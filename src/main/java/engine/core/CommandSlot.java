package engine.core;

import engine.api.Command;

/**
 * An ingress ring slot: a reusable command plus where its result goes. Created once per slot
 * by the ring's factory and overwritten by every publication.
 */
public final class CommandSlot extends Command
{
    private ResultListener listener;

    public ResultListener listener()
    {
        return listener;
    }

    public void listener(final ResultListener listener)
    {
        this.listener = listener;
    }
}
