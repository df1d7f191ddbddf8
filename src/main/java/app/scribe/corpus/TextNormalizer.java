package app.scribe.corpus;

import java.nio.CharBuffer;

/**
 * Makes line endings uniform (CRLF and lone CR become LF) and drops control characters other than tab and
 * newline, which carry no meaning in a book and would only waste vocabulary slots. Text is normalised piece by
 * piece as it is decoded ({@link #append}), so that a large file is never held twice.
 */
public final class TextNormalizer {
    /**
     * Appends one piece of a text, normalised, to {@code out}. A CRLF may be split between pieces, so the caller
     * passes back what the previous call returned: whether its piece ended in CR (false for the first piece).
     */
    boolean append(CharSequence piece, boolean afterCr, StringBuilder out) {
        boolean cr = afterCr;
        int n = piece.length();
        for (int i = 0; i < n; i++) {
            char c = piece.charAt(i);
            if (cr && c == '\n') {
                cr = false;
                continue;
            }
            cr = c == '\r';
            if (cr) {
                out.append('\n');
            } else if (keeps(c)) {
                out.append(c);
            }
        }
        return cr;
    }

    /** Whether a character passes through unchanged. */
    private static boolean keeps(char c) {
        return c == '\n' || c == '\t' || !Character.isISOControl(c) && c != '\uFEFF';
    }
}
