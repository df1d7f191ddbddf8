package app.scribe.serve;

import app.scribe.Printable;
import app.scribe.persistence.JsonProblems;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A request's JSON object, read field by field: a missing field or JSON {@code null} takes its default, a field of
 * the wrong type or out of range is a 400 naming it. Fields the server does not know are ignored, as OpenAI's
 * clients send several that a character model has no use for.
 */
final class RequestFields {
    static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    private final JsonNode root;

    private RequestFields(JsonNode root) {
        this.root = root;
    }

    static RequestFields parse(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            String duplicate = JsonProblems.duplicateField(e);
            if (duplicate != null) {
                throw ApiError.invalid(duplicate, "duplicate_field", "The field '" + Printable.escape(duplicate)
                        + "' is given twice.");
            }
            throw ApiError.invalid(null, "invalid_json", "The body is not valid JSON: " + JsonProblems.describe(e)
                    + ".");
        } catch (IOException e) {
            throw ApiError.invalid(null, "invalid_json", "The body could not be read as JSON.");
        }
        if (root == null || !root.isObject()) {
            throw ApiError.invalid(null, "invalid_json", "The body must be a JSON object.");
        }
        return new RequestFields(root);
    }

    private JsonNode field(String name) {
        JsonNode node = root.get(name);
        return node == null || node.isNull() ? null : node;
    }

    /** The field {@code name} as a value {@code is} accepts, or {@code fallback} when absent; else a 400. */
    private <T> T typed(String name, T fallback, Predicate<JsonNode> is, String expected, Function<JsonNode, T> value) {
        JsonNode node = field(name);
        if (node == null) {
            return fallback;
        }
        if (!is.test(node)) {
            throw wrongType(name, expected);
        }
        return value.apply(node);
    }

    String string(String name, String fallback) {
        return typed(name, fallback, JsonNode::isTextual, "a string", JsonNode::textValue);
    }

    boolean bool(String name, boolean fallback) {
        return typed(name, fallback, JsonNode::isBoolean, "true or false", JsonNode::booleanValue);
    }

    /** An integer between {@code min} and {@code max}, or {@code fallback} when absent. */
    int integer(String name, int fallback, int min, int max) {
        Long value = longValue(name);
        if (value == null) {
            return fallback;
        }
        if (value < min || value > max) {
            throw outOfRange(name, "between " + min + " and " + max, value);
        }
        return value.intValue();
    }

    /** Any integer that fits 64 bits, or null when absent. */
    Long longValue(String name) {
        return typed(name, null, node -> node.isIntegralNumber() && node.canConvertToLong(), "an integer",
                JsonNode::longValue);
    }

    /** A number; its range is the caller's to check. */
    double number(String name, double fallback) {
        return typed(name, fallback, JsonNode::isNumber, "a number", JsonNode::doubleValue);
    }

    /** A string or an array of at most {@code max} non-empty strings; empty when absent. */
    List<String> strings(String name, int max) {
        JsonNode node = field(name);
        List<String> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        if (node.isTextual()) {
            out.add(node.textValue());
        } else if (node.isArray() && node.size() <= max) {
            for (JsonNode item : node) {
                if (!item.isTextual()) {
                    throw wrongType(name, "a string or an array of at most " + max + " strings");
                }
                out.add(item.textValue());
            }
        } else {
            throw wrongType(name, "a string or an array of at most " + max + " strings");
        }
        if (out.stream().anyMatch(String::isEmpty)) {
            throw ApiError.invalid(name, "invalid_value", "'" + name + "' must not hold an empty string.");
        }
        return out;
    }

    static ApiError outOfRange(String name, String range, Object got) {
        return ApiError.invalid(name, "invalid_value", String.format(Locale.ROOT, "'%s' must be %s (got %s).", name,
                range, got));
    }

    private static ApiError wrongType(String name, String expected) {
        return ApiError.invalid(name, "invalid_type", "'" + name + "' must be " + expected + ".");
    }
}
