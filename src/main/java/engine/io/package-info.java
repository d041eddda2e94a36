/**
 * File helpers shared by the journal and the read models, kept apart from both so that neither
 * depends on the other: {@link engine.io.AtomicFile} writes snapshot files atomically.
 */
package engine.io;
