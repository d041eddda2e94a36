package engine.format;

import java.nio.charset.StandardCharsets;

/**
 * Input text quoted in a message: at most {@link #MAX_CHARS} characters, control and format
 * characters escaped ({@code \x1b}, {@code \u202e}), so a hostile or binary line can neither
 * flood the log nor drive the terminal.
 */
public final class Excerpt
{
    /** The most characters of input a message quotes. */
    public static final int MAX_CHARS = 200;

    private Excerpt()
    {
    }

    /** {@code bytes[start, end)} as UTF-8, escaped and cut, ending in "... (N bytes)" when cut. */
    public static String of(final byte[] bytes, final int start, final int end)
    {
        // Decode only what can be shown: a UTF-8 character is at most 4 bytes.
        final int shown = Math.min(end - start, MAX_CHARS * 4);
        final String text = new String(bytes, start, shown, StandardCharsets.UTF_8);
        final StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_CHARS) + 24);
        int chars = 0;
        int i = 0;
        while (i < text.length() && chars < MAX_CHARS)
        {
            final int c = text.codePointAt(i);
            final int type = Character.getType(c);
            if (type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR ||
                type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE || type == Character.UNASSIGNED)
            {
                out.append(c <= 0xff ? String.format("\\x%02x", c) : String.format("\\u%04x", c));
            }
            else if (c == '\\')
            {
                out.append("\\\\");
            }
            else
            {
                out.appendCodePoint(c);
            }
            chars++;
            i += Character.charCount(c);
        }
        if (i < text.length() || shown < end - start)
        {
            out.append("... (").append(end - start).append(" bytes)");
        }
        return out.toString();
    }
}
