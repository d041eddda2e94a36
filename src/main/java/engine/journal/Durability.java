package engine.journal;

/**
 * What a released result promises about its journal entry.
 *
 * <ul>
 * <li>{@link #ASYNC}: the entry is in the journal's memory-mapped file (the OS page cache) before
 *     the result is released. It survives the process being killed (kill -9, OOM, crash) because
 *     the kernel owns those pages; it does not survive power loss or a kernel panic until the
 *     kernel writes the pages back (typically within ~30 s).</li>
 * <li>{@link #SYNC}: additionally, each batch of entries is forced to the device (msync) before
 *     any result of the batch is released (group commit). Survives power loss, as far as the
 *     device honours flushes; costs one device flush per batch.</li>
 * </ul>
 */
public enum Durability
{
    ASYNC,
    SYNC;

    /**
     * Parses {@code async} or {@code sync}, in any ASCII case.
     *
     * @throws IllegalArgumentException for any other text
     */
    public static Durability parse(final String text)
    {
        final Durability value = engine.api.AsciiWords.parse(Durability.class, text.trim());
        if (value == null)
        {
            throw new IllegalArgumentException("durability must be async or sync: '" + text + "'");
        }
        return value;
    }
}
