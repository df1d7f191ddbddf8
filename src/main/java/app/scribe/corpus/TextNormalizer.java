package app.scribe.corpus;

/**
 * Makes line endings uniform (CRLF and lone CR become LF), drops control characters other than tab and newline,
 * which carry no meaning in a book and would only waste vocabulary slots, and puts the text in a Unicode
 * {@link Normalization} form. Text is normalised piece by piece as it is decoded ({@link #append}), so that a large
 * file is never held twice; one instance normalises one text.
 */
final class TextNormalizer {
    /**
     * Every code point below U+0300 starts a new composition unit (none combines with what precedes it), so the text
     * can be composed in parts cut before such a character.
     */
    private static final char FIRST_COMBINING = '\u0300';
    /** Held back at most; beyond that (a text with no cut point at all) the held text is composed as it is. */
    private static final int MAX_HELD = 1 << 16;

    private final Normalization form;
    private final StringBuilder text;
    /** Cleaned text not yet composed: the end of the pieces so far, which may combine with the next piece. */
    private final StringBuilder held = new StringBuilder();
    private boolean afterCr;

    /** Normalises into {@code text}. */
    TextNormalizer(Normalization form, StringBuilder text) {
        this.form = form;
        this.text = text;
    }

    /** Appends one piece of the text, normalised; a CRLF or a letter and its accent may be split between pieces. */
    void append(CharSequence piece) {
        StringBuilder cleaned = form == Normalization.NONE ? text : held;
        int n = piece.length();
        for (int i = 0; i < n; i++) {
            char c = piece.charAt(i);
            if (afterCr && c == '\n') {
                afterCr = false;
                continue;
            }
            afterCr = c == '\r';
            if (afterCr) {
                cleaned.append('\n');
            } else if (keeps(c)) {
                cleaned.append(c);
            }
        }
        compose(held.length() > MAX_HELD ? held.length() : lastCut());
    }

    /** Composes what is still held; call once, after the last piece. */
    void finish() {
        compose(held.length());
    }

    /** Where the held text can be cut: before its last character below U+0300 (0 when there is none). */
    private int lastCut() {
        for (int i = held.length() - 1; i > 0; i--) {
            if (held.charAt(i) < FIRST_COMBINING) {
                return i;
            }
        }
        return 0;
    }

    private void compose(int end) {
        if (end > 0) {
            text.append(form.apply(held.substring(0, end)));
            held.delete(0, end);
        }
    }

    /** Whether a character passes through unchanged. */
    private static boolean keeps(char c) {
        return c == '\n' || c == '\t' || !Character.isISOControl(c) && c != '\uFEFF';
    }
}
