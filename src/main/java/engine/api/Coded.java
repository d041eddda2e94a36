package engine.api;

/**
 * An enum constant with a stable code, the number stored for it on disk (journal, event store,
 * snapshots) instead of its ordinal: reordering or inserting constants must not change what a
 * stored number means. Codes are pinned by tests; a new constant takes a new code.
 */
public interface Coded
{
    int code();
}
