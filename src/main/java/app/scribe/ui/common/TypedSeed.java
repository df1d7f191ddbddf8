package app.scribe.ui.common;

import app.scribe.ScribeException;

/** A random seed as typed in a form field: the one place its text is read. */
public final class TypedSeed {
    private TypedSeed() {
    }

    /** The seed in {@code text}; throws a message naming the text when it is not a whole number. */
    public static long parse(String text) {
        try {
            return Long.parseLong(text == null ? "" : text.trim());
        } catch (NumberFormatException e) {
            throw new ScribeException("Seed must be a whole number (got '" + text + "').");
        }
    }
}
