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
 * # key = admin, operator, or account:&lt;id&gt;
 * 5e0d7a...= admin
 * 3f9c0a...= operator
 * 7b21d4...= account:1
 * </pre>
 * Keys are configuration, never compiled in.
 *
 * <p>Duties are kept apart: the operator runs the venue's daily flows (symbols, deposits, acting for
 * any account); the admin makes corrections (balance adjustments, trade busts) and nothing else, so
 * no single key both moves money in and corrects it. Both read every account, since neither can do
 * its job blind.
 */
public final class ApiKeys
{
    public static final String FILE_NAME = "api-keys.properties";

    /** What a key may do (see the class comment). */
    enum Role
    {
        ACCOUNT("account"),
        OPERATOR("operator"),
        ADMIN("admin");

        private final String word;

        Role(final String word)
        {
            this.word = word;
        }

        /** The role's word in the keys file and in {@code GET /me}. */
        String word()
        {
            return word;
        }
    }

    /** Who a key belongs to: the admin, the operator, or one account ({@code account} is 0 for the first two). */
    record Principal(Role role, long account)
    {
        boolean operator()
        {
            return role == Role.OPERATOR;
        }

        boolean admin()
        {
            return role == Role.ADMIN;
        }

        /** Whether this caller reads every account (the operator and the admin). */
        boolean seesAll()
        {
            return role != Role.ACCOUNT;
        }

        /** Whether this caller may see {@code otherAccount}. */
        boolean mayAccess(final long otherAccount)
        {
            return seesAll() || account == otherAccount;
        }
    }

    private final Map<String, Principal> byKey;

    private ApiKeys(final Map<String, Principal> byKey)
    {
        this.byKey = Map.copyOf(byKey);
    }

    /** Reads {@code file}; a line that is not {@code admin}, {@code operator} or {@code account:<id>} is an error. */
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

    /** Keys from a key → {@code admin} / {@code operator} / {@code account:<id>} map (tests, other config sources). */
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
            if (r.equals(Role.ADMIN.word()))
            {
                byKey.put(key, new Principal(Role.ADMIN, 0));
            }
            else if (r.equals(Role.OPERATOR.word()))
            {
                byKey.put(key, new Principal(Role.OPERATOR, 0));
            }
            else if (r.startsWith("account:"))
            {
                byKey.put(key, new Principal(Role.ACCOUNT, Long.parseLong(r.substring("account:".length()).trim())));
            }
            else
            {
                throw new IllegalArgumentException("API key role must be 'admin', 'operator' or 'account:<id>', was '" + r + "'");
            }
        });
        return new ApiKeys(byKey);
    }

    /** Whether {@code key} is {@code account}'s own key (the operator's and admin's are not): a FIX Logon's credential. */
    public boolean isAccountKey(final String key, final long account)
    {
        final Principal owner = lookup(key);
        return owner != null && owner.role() == Role.ACCOUNT && owner.account() == account;
    }

    /** @return the key's owner, or null for an unknown key. */
    Principal lookup(final String key)
    {
        return key == null ? null : byKey.get(key);
    }
}
