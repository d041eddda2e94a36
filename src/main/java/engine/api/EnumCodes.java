package engine.api;

import java.util.Arrays;

/**
 * Decode tables for {@link Coded} enums: an array indexed by code, built once at class
 * initialisation, so that decoding is an array read without allocation.
 */
public final class EnumCodes
{
    /** Codes are small by design; a table beyond this is a typo. */
    private static final int MAX_CODE = 255;

    private EnumCodes()
    {
    }

    /**
     * The decode table of {@code values}.
     *
     * @throws IllegalStateException when a code is negative, too large or used twice
     */
    public static <E extends Enum<E> & Coded> E[] table(final E[] values)
    {
        int max = -1;
        for (final E value : values)
        {
            if (value.code() < 0 || value.code() > MAX_CODE)
            {
                throw new IllegalStateException(value.getDeclaringClass().getSimpleName() + "." + value + " has code " +
                    value.code() + ", outside 0.." + MAX_CODE);
            }
            max = Math.max(max, value.code());
        }
        final E[] table = Arrays.copyOf(values, max + 1);
        Arrays.fill(table, null);
        for (final E value : values)
        {
            if (table[value.code()] != null)
            {
                throw new IllegalStateException(value.getDeclaringClass().getSimpleName() + "." + value + " and " +
                    table[value.code()] + " share code " + value.code());
            }
            table[value.code()] = value;
        }
        return table;
    }

    /**
     * The constant with {@code code}.
     *
     * @throws IllegalArgumentException naming {@code enumName} and the code when no constant has it
     */
    public static <E> E decode(final E[] table, final int code, final String enumName)
    {
        if (code >= 0 && code < table.length && table[code] != null)
        {
            return table[code];
        }
        throw new IllegalArgumentException("unknown " + enumName + " code " + code);
    }

    /** The constant with {@code code}, or null when none has it. */
    public static <E> E find(final E[] table, final int code)
    {
        return code >= 0 && code < table.length ? table[code] : null;
    }
}
