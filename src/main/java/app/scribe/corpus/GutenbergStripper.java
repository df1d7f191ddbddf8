package app.scribe.corpus;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Removes a Project Gutenberg header and licence footer, keeping only the book, when the markers are present. */
public final class GutenbergStripper {
    private static final Pattern START = Pattern.compile(
            "^\\*\\*\\* ?START OF (THE|THIS) PROJECT GUTENBERG[^\\n]*$", Pattern.MULTILINE | Pattern.CASE_INSENSITIVE);
    private static final Pattern END = Pattern.compile(
            "^(\\*\\*\\* ?END OF (THE|THIS) PROJECT GUTENBERG[^\\n]*|End of (the )?Project Gutenberg'?s? [^\\n]*)$",
            Pattern.MULTILINE | Pattern.CASE_INSENSITIVE);

    /** Lines removed from one end of a book: how many, and the first and last of them that are not blank. */
    public record RemovedLines(int lines, String first, String last) {
        static final RemovedLines NONE = new RemovedLines(0, "", "");

        static RemovedLines of(String removed) {
            List<String> lines = removed.lines().toList();
            List<String> written = lines.stream().filter(line -> !line.isBlank()).map(String::strip).toList();
            return written.isEmpty() ? NONE
                    : new RemovedLines(lines.size(), written.get(0), written.get(written.size() - 1));
        }
    }

    /** What stripping removes from a book: its header (up to the start marker) and footer (from the end marker). */
    public record Removal(RemovedLines header, RemovedLines footer) {
        public static final Removal NONE = new Removal(RemovedLines.NONE, RemovedLines.NONE);

        public boolean removedAnything() {
            return header.lines() > 0 || footer.lines() > 0;
        }
    }

    /** The text between the markers, trimmed; the text unchanged when it has no start marker. */
    public String strip(String text) {
        int[] body = body(text);
        return body == null ? text : text.substring(body[0], body[1]).strip() + "\n";
    }

    /** The lines {@link #strip} removes. */
    public Removal removal(String text) {
        int[] body = body(text);
        return body == null ? Removal.NONE
                : new Removal(RemovedLines.of(text.substring(0, body[0])), RemovedLines.of(text.substring(body[1])));
    }

    public boolean hasHeader(String text) {
        return START.matcher(text).find();
    }

    /** Where the book starts (after the start marker) and ends (before the end marker); null without a start marker. */
    private static int[] body(String text) {
        Matcher start = START.matcher(text);
        if (!start.find()) {
            return null;
        }
        int from = start.end();
        Matcher end = END.matcher(text);
        return new int[]{from, end.find(from) ? end.start() : text.length()};
    }
}
