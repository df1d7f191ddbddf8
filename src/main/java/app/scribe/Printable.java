package app.scribe;

/**
 * Text from outside (a file name, a field of a model file) made safe to show: control characters, line breaks and
 * bidirectional overrides would move the cursor, recolour a terminal or fake a second line, so each is shown as an
 * escape instead ({@code \n}, {@code \t}, {@code \r}, else {@code \}{@code uXXXX}: ESC is {@code \}{@code u001B}).
 */
public final class Printable {
    private Printable() {
    }

    public static String escape(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String escaped = escape(c);
            if (escaped != null && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (escaped != null) {
                    out.append(escaped);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? text : out.toString();
    }

    private static String escape(char c) {
        return switch (c) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default -> Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || (c >= '\u202A' && c <= '\u202E')
                    || (c >= '\u2066' && c <= '\u2069') ? String.format("\\u%04X", (int) c) : null;
        };
    }
}
