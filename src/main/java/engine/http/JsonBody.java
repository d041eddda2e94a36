package engine.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import engine.api.AsciiName;
import engine.api.AsciiWords;

/**
 * A request body as a JSON object, read strictly: every accessor names the field it rejects.
 * Integers must be JSON integers within the signed 64-bit range (no strings, fractions or
 * overflow), names must be valid {@link AsciiName}s, enums their words in any ASCII case.
 */
final class JsonBody
{
    static final ObjectMapper MAPPER = JsonMapper.builder()
        .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .build();

    private final JsonNode root;

    private JsonBody(final JsonNode root)
    {
        this.root = root;
    }

    static JsonBody parse(final String text)
    {
        if (text == null || text.isBlank())
        {
            return new JsonBody(MAPPER.createObjectNode());
        }
        final JsonNode node;
        try
        {
            node = MAPPER.readTree(text);
        }
        catch (final JsonProcessingException e)
        {
            throw ApiError.badField("body", "malformed JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject())
        {
            throw ApiError.badField("body", "must be a JSON object");
        }
        return new JsonBody(node);
    }

    boolean has(final String field)
    {
        final JsonNode node = root.get(field);
        return node != null && !node.isNull();
    }

    long requiredLong(final String field)
    {
        if (!has(field))
        {
            throw ApiError.badField(field, "is required");
        }
        return longValue(field, root.get(field));
    }

    static long longValue(final String field, final JsonNode node)
    {
        if (!node.isIntegralNumber())
        {
            throw ApiError.badField(field, "must be an integer");
        }
        if (!node.canConvertToLong())
        {
            throw ApiError.badField(field, "is out of the 64-bit integer range");
        }
        return node.longValue();
    }

    String requiredText(final String field)
    {
        if (!has(field))
        {
            throw ApiError.badField(field, "is required");
        }
        final JsonNode node = root.get(field);
        if (!node.isTextual())
        {
            throw ApiError.badField(field, "must be a string");
        }
        return node.textValue();
    }

    String optionalText(final String field)
    {
        return has(field) ? requiredText(field) : null;
    }

    String requiredName(final String field)
    {
        final String text = requiredText(field);
        if (!AsciiName.isValid(text))
        {
            throw ApiError.badField(field, "must be 1 to 16 of A-Z a-z 0-9 _ - .");
        }
        return text;
    }

    <E extends Enum<E>> E requiredEnum(final String field, final Class<E> type)
    {
        final String text = requiredText(field);
        final E value = AsciiWords.parse(type, text);
        if (value == null)
        {
            throw ApiError.badField(field, "unknown value '" + text + "'");
        }
        return value;
    }
}
