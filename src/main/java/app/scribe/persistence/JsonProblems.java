package app.scribe.persistence;

import app.scribe.Printable;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What is wrong with a JSON text that Jackson refused, in plain words ("NaN is not a number JSON allows (line 1,
 * column 27)"), for the model file's manifest and the server's request bodies: Jackson's own messages name its
 * classes and settings, which mean nothing to the person who sent the text.
 */
public final class JsonProblems {
    private static final Pattern QUOTED = Pattern.compile("'([^']*)'");
    private static final Pattern LIMIT = Pattern.compile("maximum allowed \\((\\d+)");

    private JsonProblems() {
    }

    /** The field that {@code e} found twice in one object, or null when that is not what it found. */
    public static String duplicateField(JsonProcessingException e) {
        String message = String.valueOf(e.getOriginalMessage());
        return message.startsWith("Duplicate field") ? firstQuoted(message) : null;
    }

    /** A lower-case phrase without a full stop, for a sentence such as "The body is not valid JSON: PHRASE.". */
    public static String describe(JsonProcessingException e) {
        String message = String.valueOf(e.getOriginalMessage());
        String duplicate = duplicateField(e);
        if (duplicate != null) {
            return "the field '" + Printable.escape(duplicate) + "' is given twice";
        }
        if (e instanceof StreamConstraintsException) {
            return limit(message);
        }
        return what(message) + where(e.getLocation());
    }

    private static String limit(String message) {
        Matcher m = LIMIT.matcher(message);
        String max = m.find() ? m.group(1) : null;
        if (message.contains("nesting depth")) {
            return "it is nested deeper than " + (max == null ? "allowed" : max + " levels");
        }
        if (message.startsWith("Number")) {
            return "it holds a number longer than " + (max == null ? "allowed" : max + " digits");
        }
        if (message.startsWith("String")) {
            return "it holds a text longer than " + (max == null ? "allowed" : max + " characters");
        }
        return "it is larger than a JSON text may be here";
    }

    private static String what(String message) {
        String quoted = firstQuoted(message);
        if (message.startsWith("Non-standard token") && quoted != null) {
            return Printable.escape(quoted) + " is not a number JSON allows";
        }
        if (message.startsWith("Unexpected end-of-input")) {
            return "it ends before its last value or object is complete";
        }
        if (message.startsWith("Trailing token")) {
            return "more follows the end of its value";
        }
        if (message.startsWith("Unrecognized token") && quoted != null) {
            return "'" + Printable.escape(quoted) + "' is not a JSON value: a text needs double quotes";
        }
        if (message.startsWith("Illegal unquoted character")) {
            return "a text holds a control character that JSON needs written as an escape such as \\n";
        }
        if (message.startsWith("Invalid UTF-8") || message.contains("Invalid UTF-8")) {
            return "it is not valid UTF-8 text";
        }
        if (message.startsWith("Invalid numeric value") || message.startsWith("Leading zeroes")) {
            return "a number is not written as JSON allows";
        }
        if (message.startsWith("Unrecognized character escape")) {
            return "a text holds a backslash escape JSON does not know";
        }
        if (message.startsWith("Unexpected character") || message.startsWith("Unexpected close marker")) {
            return "a character is out of place";
        }
        return "it is not well-formed JSON";
    }

    private static String where(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return String.format(Locale.ROOT, " (line %d, column %d)", location.getLineNr(), location.getColumnNr());
    }

    private static String firstQuoted(String message) {
        Matcher m = QUOTED.matcher(message);
        return m.find() ? m.group(1) : null;
    }
}
