/**
 * The journal is the engine's event store: every sequenced command, appended to a Chronicle
 * Queue before its result is released, rebuilds any state the engine ever had.
 *
 * <h2>Layout</h2>
 * A journal directory holds {@code engine.lock}, {@code journal-end.properties} (see below),
 * {@code journal.properties} (settings replay must match, and the
 * entry format, now 3: a journal of another format is refused), {@code queue/} (Chronicle
 * Queue, daily files) and {@code snapshots/} ({@code snapshot-<seq>.snap}, format in
 * {@code SnapshotFormat}; the newest three are kept). A live engine keeps its event store in
 * {@code events/} beside them, derived from the journal and regenerated from it whenever it
 * lags ({@code engine.server.EventStoreCatchUp}).
 *
 * <p>Each queue document holds the entries of (part of) one ingress batch, at most 256, each
 * as {@code u8 length} then one entry in the binary layout of {@code JournalCodec} (23 to 111
 * bytes ending in a CRC32C); see {@code EntryPacker}. Queue indexes (in snapshots, results and
 * messages) are indexes of documents, not of entries. Enums in entries and snapshots are stored
 * as their stable codes ({@link engine.api.Coded}); an unknown code is a bad entry or a refused
 * snapshot, never a guess.
 *
 * <h2>Write path</h2>
 * {@link engine.journal.JournalWriter} is a stage on the ingress ring beside the business
 * logic: the logic never waits for the disk, results wait for the journal stage's sequence.
 * The stage publishes its sequence once per batch, so in {@code sync} mode one msync covers a
 * whole batch (group commit), and one queue document does too (a new one every 256 entries).
 * A write that fails (disk full, I/O error, or free space below the guard) holds the stage
 * without moving its sequence, so no result is released for a command that was not journaled;
 * the engine refuses new commands meanwhile and the stage retries until the write succeeds,
 * leaving the journal equal to what the logic applied (design in {@code JournalWriter}).
 * {@code DIR/engine.lock} (an OS lock, {@code DirectoryLock}) keeps a second writer out.
 *
 * <h2>Lookups</h2>
 * The journal is also the command store the HTTP command queries read: {@link engine.journal.JournalLookup}
 * finds a command's entry by seq (binary search over document indexes) in a journal being
 * written, read-only, so the read models index commands without copying their text.
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
 * with {@link engine.io.AtomicFile} (temporary file, forced, renamed atomically, directory
 * forced), off the engine's path. Every N commands (a background thread watches the sequence), on demand, and at
 * shutdown. A snapshot records format version, last seq and time, the queue index of the
 * document holding its last entry (replay resumes after that entry, inside that document),
 * the state hash, and CRC32Cs of header and body; loading checks them all and the hash
 * of the restored state.
 *
 * <h2>Recovery</h2>
 * {@link engine.journal.Recovery}: newest valid snapshot, then the journal after its index
 * through the same business logic, events discarded. Entries are checked for checksum, length
 * and consecutive seqs. A bad entry in the last document, or an interrupted last document, is a
 * torn write (warning with the document's index and seqs; the bad entry and the rest of its
 * document are dropped, the good entries before it kept, and a marker entry later voids it); a
 * bad entry followed by more documents, a gap, or a bad snapshot stops start-up with an error
 * naming file and index, unless
 * {@code --recover-to-last-good}: then the journal is cut at the last good entry (the original
 * moved to {@code corrupt-<millis>/}) or an older snapshot is used.
 *
 * <p>Before Chronicle reads anything, {@code JournalFiles} walks every queue file's document
 * headers with plain reads ({@code CycleFileScan}): a file cut short, a header Chronicle would
 * stop at with valid data after it, or files whose seqs do not join up are damage, refused like
 * a corrupt entry (Chronicle would silently show a shorter journal, or fault on a short file);
 * bytes after the last document with no valid document among them are an interrupted write,
 * moved aside to {@code torn-*.bin} and zeroed. The reader must then reach the last document the
 * walk counted, the journal must start at seq 1 (or hold the snapshot's position), and it must
 * not end before {@code journal-end.properties} ({@code JournalMark}), which catches a deleted
 * newest file.
 */
package engine.journal;
