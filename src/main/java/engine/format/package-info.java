/**
 * The engine's text formats, each written and read in one place: the command-file format of
 * COMMAND-FILE.md ({@link engine.format.CommandFileParser} reads a line into a reused
 * {@link engine.api.Command}, {@link engine.format.CommandFileWriter} writes one, {@link engine.format.LineReader}
 * splits a stream into lines) and the canonical event lines ({@link engine.format.CanonicalFormat},
 * {@link engine.format.CanonicalWriter} on the output ring), and times as users write them in queries and options
 * ({@link engine.format.TimeArgument}: epoch milliseconds or ISO-8601). {@link engine.format.AsciiBuffer} is their one
 * number-to-ASCII conversion. Reading and writing well-formed lines allocates nothing, so the same code serves
 * files, the line server and the hot path.
 *
 * <p>Dependencies run one way: this package uses {@code engine.api} (and {@code engine.core} for the output
 * ring's event slot); {@code engine.api} knows nothing of text, so its values have no text form of their own.
 */
package engine.format;
