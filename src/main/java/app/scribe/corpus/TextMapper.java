package app.scribe.corpus;

import app.scribe.ScribeException;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * Applies a {@link Cleaning}: to each book of a corpus before training, and to every prompt and scored text of a
 * model trained on it (through {@link Vocabulary#prepare}), so that the model reads text as it learnt it. With a
 * placeholder, a character the model never saw becomes the placeholder instead of being refused.
 */
public final class TextMapper {
    public static final int NO_PLACEHOLDER = -1;
    public static final TextMapper KEEP = new TextMapper(Cleaning.KEEP, NO_PLACEHOLDER);

    /** Tried in order; the first the text lacks becomes the placeholder (the white square only outside ASCII). */
    private static final int[] PLACEHOLDERS = {'\u25A1', '~', '^', '|', '`', '#', '@', '_', '{', '}', '<', '>', '\\',
            '*', '+', '=', '$', '%', '&'};

    /** ASCII forms of the characters that do not lose only an accent (é → e is found by decomposition). */
    private static final Map<Integer, String> ASCII_FORMS = Map.ofEntries(
            Map.entry(0x2018, "'"), Map.entry(0x2019, "'"), Map.entry(0x201A, "'"), Map.entry(0x201B, "'"),
            Map.entry(0x2032, "'"), Map.entry(0x2039, "'"), Map.entry(0x203A, "'"), Map.entry(0x00B4, "'"),
            Map.entry(0x201C, "\""), Map.entry(0x201D, "\""), Map.entry(0x201E, "\""), Map.entry(0x00AB, "\""),
            Map.entry(0x00BB, "\""), Map.entry(0x2033, "\""),
            Map.entry(0x2010, "-"), Map.entry(0x2011, "-"), Map.entry(0x2012, "-"), Map.entry(0x2013, "-"),
            Map.entry(0x2212, "-"), Map.entry(0x2014, "--"), Map.entry(0x2015, "--"),
            Map.entry(0x2026, "..."), Map.entry(0x00A0, " "), Map.entry(0x2009, " "), Map.entry(0x202F, " "),
            Map.entry(0x00C6, "AE"), Map.entry(0x00E6, "ae"), Map.entry(0x0152, "OE"), Map.entry(0x0153, "oe"),
            Map.entry(0x00DF, "ss"), Map.entry(0x00D8, "O"), Map.entry(0x00F8, "o"), Map.entry(0x0141, "L"),
            Map.entry(0x0142, "l"), Map.entry(0x0110, "D"), Map.entry(0x0111, "d"), Map.entry(0x00D0, "D"),
            Map.entry(0x00F0, "d"), Map.entry(0x00DE, "Th"), Map.entry(0x00FE, "th"), Map.entry(0x00D7, "x"),
            Map.entry(0x2022, "*"), Map.entry(0x00B7, "."));

    private final Cleaning cleaning;
    private final int placeholder;

    /** {@code placeholder}: the character rare ones became, or {@link #NO_PLACEHOLDER} (none were rare). */
    public TextMapper(Cleaning cleaning, int placeholder) {
        if (placeholder != NO_PLACEHOLDER && (cleaning.rareBelow() == 0 || !Character.isValidCodePoint(placeholder)
                || cleaning.ascii() && placeholder > 0x7F)) {
            throw new ScribeException("The placeholder " + placeholder
                    + " does not fit the cleaning " + cleaning + ".");
        }
        this.cleaning = cleaning;
        this.placeholder = placeholder;
    }

    public Cleaning cleaning() {
        return cleaning;
    }

    /** The character that stands for rare and unknown ones, or {@link #NO_PLACEHOLDER}. */
    public int placeholder() {
        return placeholder;
    }

    public boolean hasPlaceholder() {
        return placeholder != NO_PLACEHOLDER;
    }

    /** A user's text (a prompt, a text to score) as the model's text was: mapped, the unknown made placeholders. */
    public String forModel(String text, IntPredicate known) {
        return replaceUnknown(mapCharacters(text), known);
    }

    /**
     * ASCII and lower case, applied to one text (a book, a prompt) character by character. A character may become
     * several (æ → ae) or none (a non-ASCII one with no ASCII form).
     */
    public String mapCharacters(String text) {
        if (!cleaning.ascii() && !cleaning.lowercase()) {
            return text;
        }
        Map<Integer, String> asciiForms = new HashMap<>();
        StringBuilder mapped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            i += Character.charCount(codePoint);
            if (cleaning.ascii() && codePoint > 0x7F) {
                String ascii = asciiForms.computeIfAbsent(codePoint, TextMapper::asciiForm);
                for (int j = 0; j < ascii.length(); j++) {
                    mapped.append(cleaning.lowercase() ? Character.toLowerCase(ascii.charAt(j)) : ascii.charAt(j));
                }
            } else {
                mapped.appendCodePoint(cleaning.lowercase() ? Character.toLowerCase(codePoint) : codePoint);
            }
        }
        return mapped.toString();
    }

    /** The text with every character {@code known} rejects replaced by the placeholder; unchanged without one. */
    public String replaceUnknown(String text, IntPredicate known) {
        if (!hasPlaceholder()) {
            return text;
        }
        StringBuilder mapped = null;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            int next = i + Character.charCount(codePoint);
            if (!known.test(codePoint)) {
                if (mapped == null) {
                    mapped = new StringBuilder(text.length()).append(text, 0, i);
                }
                mapped.appendCodePoint(placeholder);
            } else if (mapped != null) {
                mapped.append(text, i, next);
            }
            i = next;
        }
        return mapped == null ? text : mapped.toString();
    }

    /**
     * The placeholder for a text whose characters were counted ({@code counts[codePoint]}, after ASCII and lower
     * case): the first candidate the text lacks, else its rarest rare character; {@link #NO_PLACEHOLDER} when no
     * character is rare.
     */
    static int choosePlaceholder(Cleaning cleaning, int[] counts) {
        int rarest = NO_PLACEHOLDER;
        for (int cp = 0; cp < counts.length; cp++) {
            if (counts[cp] > 0 && counts[cp] < cleaning.rareBelow()
                    && (rarest == NO_PLACEHOLDER || counts[cp] < counts[rarest])) {
                rarest = cp;
            }
        }
        if (rarest == NO_PLACEHOLDER) {
            return NO_PLACEHOLDER;
        }
        for (int candidate : PLACEHOLDERS) {
            if (counts[candidate] == 0 && (candidate <= 0x7F || !cleaning.ascii())) {
                return candidate;
            }
        }
        return rarest;
    }

    /** What a character outside ASCII becomes: its ASCII form, its letter without accents, or nothing. */
    private static String asciiForm(int codePoint) {
        String known = ASCII_FORMS.get(codePoint);
        if (known != null) {
            return known;
        }
        String decomposed = Normalizer.normalize(new String(Character.toChars(codePoint)), Normalizer.Form.NFKD);
        StringBuilder ascii = new StringBuilder();
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (c <= 0x7F) {
                ascii.append(c);
            } else if (Character.getType(c) != Character.NON_SPACING_MARK) {
                return "";
            }
        }
        return ascii.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TextMapper m && cleaning.equals(m.cleaning) && placeholder == m.placeholder;
    }

    @Override
    public int hashCode() {
        return 31 * cleaning.hashCode() + placeholder;
    }

    @Override
    public String toString() {
        return hasPlaceholder() ? cleaning + " (placeholder " + Vocabulary.describeWithCodePoint(placeholder) + ")"
                : cleaning.toString();
    }
}
