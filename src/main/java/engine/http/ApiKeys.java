package engine.http;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * API keys from a properties file in the data directory ({@value #FILE_NAME}), one per line:
 * <pre>
 * # key = operator, or key = account:&lt;id&gt;
 * 3f9c0a...= operator
 * 7b21d4...= account:1
 * </pre>
 * Keys are configuration, never compiled in.
 */
public final class ApiKeys
{
    public static final String FILE_NAME = "api-keys.properties";

    /** Who a key belongs to: the operator, or one account. */
    record Principal(boolean operator, long account)
    {
        /** Whether this caller may act on or see {@code otherAccount}. */
        boolean mayAccess(final long otherAccount)
        {
            return operator || account == otherAccount;
        }
    }

    private final Map<String, Principal> byKey;

    private ApiKeys(final Map<String, Principal> byKey)
    {
        this.byKey = Map.copyOf(byKey);
    }

    /** Reads {@code file}; a line that is neither {@code operator} nor {@code account:<id>} is an error. */
    public static ApiKeys load(final Path file) throws IOException
    {
        final Properties props = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8))
        {
            props.load(in);
        }
        final Map<String, String> entries = new HashMap<>();
        props.forEach((k, v) -> entries.put(k.toString(), v.toString()));
        return of(entries);
    }

    /** Keys from a key → {@code operator} / {@code account:<id>} map (tests, other config sources). */
    public static ApiKeys of(final Map<String, String> entries)
    {
        final Map<String, Principal> byKey = new HashMap<>();
        entries.forEach((key, role) ->
        {
            final String r = role.trim();
            if (key.length() < 8)
            {
                throw new IllegalArgumentException("API keys must be at least 8 characters");
            }
            if (r.equals("operator"))
            {
                byKey.put(key, new Principal(true, 0));
            }
            else if (r.startsWith("account:"))
            {
                byKey.put(key, new Principal(false, Long.parseLong(r.substring("account:".length()).trim())));
            }
            else
            {
                throw new IllegalArgumentException("API key role must be 'operator' or 'account:<id>', was '" + r + "'");
            }
        });
        return new ApiKeys(byKey);
    }

    /** Whether {@code key} is {@code account}'s own key (the operator's is not): a FIX Logon's credential. */
    public boolean isAccountKey(final String key, final long account)
    {
        final Principal owner = lookup(key);
        return owner != null && !owner.operator() && owner.account() == account;
    }

    /** @return the key's owner, or null for an unknown key. */
    Principal lookup(final String key)
    {
        return key == null ? null : byKey.get(key);
    }
}
