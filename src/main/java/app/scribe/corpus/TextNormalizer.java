package app.scribe.corpus;

/**
 * Makes line endings uniform (CRLF and lone CR become LF) and drops control characters other than tab and
 * newline, which carry no meaning in a book and would only waste vocabulary slots.
 */
public final class TextNormalizer {
    public String normalize(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\r') {
                out.append('\n');
                if (i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
            } else if (c == '\n' || c == '\t' || !Character.isISOControl(c) && c != '\uFEFF') {
                out.append(c);
            }
        }
        return out.toString();
    }
}
