/**
 * The journal is the engine's event store: every sequenced command, appended to a Chronicle
 * Queue before its result is released, rebuilds any state the engine ever had.
 *
 * <h2>Layout</h2>
 * A journal directory holds {@code journal.properties} (settings replay must match),
 * {@code queue/} (Chronicle Queue, daily files, one entry per command in the binary layout of
 * {@code JournalCodec}: 22 to 86 bytes with a CRC32C) and {@code snapshots/}
 * ({@code snapshot-<seq>.snap}, format in {@code SnapshotFormat}; the newest three are kept).
 *
 * <h2>Write path</h2>
 * {@link engine.journal.JournalWriter} is a stage on the ingress ring beside the business
 * logic: the logic never waits for the disk, results wait for the journal stage's sequence.
 * The stage publishes its sequence once per batch, so in {@code sync} mode one msync covers a
 * whole batch (group commit). A failed write stops the stage for good without moving its
 * sequence: no result is released for a command that was not journaled.
 *
 * <h2>Durability</h2>
 * {@link engine.journal.Durability#ASYNC}: entries are in the memory-mapped queue file before
 * results are released; a killed process loses nothing acknowledged (the kernel owns the
 * pages), power loss may lose the last seconds. {@link engine.journal.Durability#SYNC}: each
 * batch is msync'ed before its results are released; survives power loss as far as the device
 * honours flushes. Directory entries of newly rolled queue files are not fsync'ed.
 *
 * <h2>Snapshots</h2>
 * Taken by {@code LiveEngine} at a quiescent point: submissions are paused, the engine drained,
 * the state copied into a buffer (the only pause), then the buffer is checksummed and written
 * to a temporary file, forced, renamed atomically and the directory forced, off the engine's
 * path. Every N commands (a background thread watches the sequence), on demand, and at
 * shutdown. A snapshot records format version, last seq and time, the queue index of its last
 * entry, the state hash, and CRC32Cs of header and body; loading checks them all and the hash
 * of the restored state.
 *
 * <h2>Recovery</h2>
 * {@link engine.journal.Recovery}: newest valid snapshot, then the journal after its index
 * through the same business logic, events discarded. Entries are checked for checksum, length
 * and consecutive seqs. A bad or interrupted last entry is a torn write (warning with its
 * index, dropped, later voided by a marker entry); a bad entry followed by others, a gap, or
 * a bad snapshot stops start-up with an error naming file and index, unless
 * {@code --recover-to-last-good}: then the journal is cut at the last good entry (the original
 * moved to {@code corrupt-<millis>/}) or an older snapshot is used.
 */
package engine.journal;
