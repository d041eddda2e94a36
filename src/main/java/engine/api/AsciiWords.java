package engine.api;

/**
 * Reads enum words from text in ASCII only. {@code String.toUpperCase} maps some non-ASCII
 * letters onto ASCII ones in every locale (dotless {@code ı} to {@code I}, long {@code ſ} to
 * {@code S}, the Kelvin sign to {@code k} when lower-casing), so "lımıt" would read as LIMIT;
 * here only the 26 ASCII letters fold, and any other character must match exactly.
 */
public final class AsciiWords
{
    private AsciiWords()
    {
    }

    /** The constant of {@code type} whose name equals {@code text} ignoring ASCII case only; null if none. */
    public static <E extends Enum<E>> E parse(final Class<E> type, final String text)
    {
        for (final E constant : type.getEnumConstants())
        {
            if (equalsIgnoreAsciiCase(constant.name(), text))
            {
                return constant;
            }
        }
        return null;
    }

    /** Whether {@code a} and {@code b} are equal when ASCII letters are folded to one case; other characters must be equal. */
    public static boolean equalsIgnoreAsciiCase(final String a, final String b)
    {
        if (a.length() != b.length())
        {
            return false;
        }
        for (int i = 0; i < a.length(); i++)
        {
            if (fold(a.charAt(i)) != fold(b.charAt(i)))
            {
                return false;
            }
        }
        return true;
    }

    private static char fold(final char c)
    {
        return c >= 'a' && c <= 'z' ? (char)(c - ('a' - 'A')) : c;
    }
}
