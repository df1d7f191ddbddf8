package app.scribe.writing;

import app.scribe.ScribeException;

import java.util.Locale;

/**
 * How far a suggestion reaches: to the end of the next word (leading spaces and punctuation included), to the next
 * punctuation mark (included) or line break, or a fixed number of characters. A word is letters, digits and
 * apostrophes.
 */
public record Until(Kind kind, int characters) {
    public enum Kind { WORD, PHRASE, CHARACTERS }

    public static final int MAX_CHARACTERS = 200;
    /** A word or phrase that has not ended by then is suggested as far as it has come. */
    static final int MAX_WORD = 40;
    static final int MAX_PHRASE = 120;
    private static final String PUNCTUATION = ".,;:!?";

    /** What a character does to a suggestion that has {@code length} characters and {@code inWord} a word started. */
    enum Step { CONTINUE, END_BEFORE, END_AFTER }

    public Until {
        if (kind == Kind.CHARACTERS && (characters < 1 || characters > MAX_CHARACTERS)) {
            throw new ScribeException("--until must be word, phrase or a number of characters from 1 to "
                    + MAX_CHARACTERS + " (got " + characters + ").");
        }
    }

    public static final Until WORD = new Until(Kind.WORD, 0);
    public static final Until PHRASE = new Until(Kind.PHRASE, 0);

    public static Until characters(int n) {
        return new Until(Kind.CHARACTERS, n);
    }

    /** {@code word}, {@code phrase} or a number of characters; anything else is refused with a message. */
    public static Until parse(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        if (value.equals("word")) {
            return WORD;
        }
        if (value.equals("phrase")) {
            return PHRASE;
        }
        try {
            return characters(Integer.parseInt(value));
        } catch (NumberFormatException e) {
            throw new ScribeException("--until must be word, phrase or a number of characters from 1 to "
                    + MAX_CHARACTERS + " (got '" + text + "').");
        }
    }

    int maxLength() {
        return switch (kind) {
            case WORD -> MAX_WORD;
            case PHRASE -> MAX_PHRASE;
            case CHARACTERS -> characters;
        };
    }

    public static boolean isWordCharacter(int codePoint) {
        return Character.isLetterOrDigit(codePoint) || codePoint == '\'' || codePoint == '\u2019';
    }

    Step step(int codePoint, int length, boolean inWord) {
        return switch (kind) {
            case WORD -> inWord && !isWordCharacter(codePoint) ? Step.END_BEFORE : Step.CONTINUE;
            case PHRASE -> PUNCTUATION.indexOf(codePoint) >= 0 ? Step.END_AFTER
                    : codePoint == '\n' && inWord ? Step.END_BEFORE : Step.CONTINUE;
            case CHARACTERS -> length + 1 >= characters ? Step.END_AFTER : Step.CONTINUE;
        };
    }

    @Override
    public String toString() {
        return kind == Kind.CHARACTERS ? characters + " characters" : kind.name().toLowerCase(Locale.ROOT);
    }
}
