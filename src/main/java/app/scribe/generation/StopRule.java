package app.scribe.generation;

/**
 * When generation ends before its length: as soon as the continuation ends with {@code text} (when not empty),
 * or, with {@code sentenceEnd}, as soon as it ends with '.', '!' or '?'.
 */
public record StopRule(String text, boolean sentenceEnd) {
    public StopRule {
        text = text == null ? "" : text;
    }

    public static StopRule never() {
        return new StopRule("", false);
    }

    public static StopRule at(String text) {
        return new StopRule(text, false);
    }

    public boolean reached(CharSequence continuation) {
        int n = continuation.length();
        if (sentenceEnd && n > 0) {
            char last = continuation.charAt(n - 1);
            if (last == '.' || last == '!' || last == '?') {
                return true;
            }
        }
        return !text.isEmpty() && n >= text.length() && continuation.subSequence(n - text.length(), n).toString().equals(text);
    }
}
