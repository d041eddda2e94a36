package engine.cluster;

import engine.api.Command;
import engine.api.EventSink;

/**
 * Hears every command {@link EngineClusteredService} applies from the committed log, with its
 * events, on the service thread: on every member, leader or follower, and again for the entries a
 * restarted member replays after its snapshot. The service stays deterministic because a listener
 * only reads what the business logic emits; it must not take long ({@link ClusterReadSide} copies
 * the events into a ring and returns).
 */
public interface AppliedCommands
{
    /** {@code command} (seq and log timestamp set) is about to be applied; its events also go to the sink returned. */
    EventSink begin(Command command);

    /** The command begun last has all its events. */
    void end();

    /**
     * The service is about to snapshot its state at {@code seq}: after a restart from that snapshot
     * the log replays only what follows it, so everything up to {@code seq} must be kept by then.
     */
    void beforeSnapshot(long seq);
}
