package engine.journal;

/**
 * A journal or snapshot that cannot be trusted: corrupt, torn in the middle, mismatching, or
 * unwritable. The message names the file and, for journal entries, the index, so an operator
 * can act on it.
 */
public final class JournalException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    public JournalException(final String message)
    {
        super(message);
    }

    public JournalException(final String message, final Throwable cause)
    {
        super(message, cause);
    }
}
