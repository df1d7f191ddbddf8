package app.scribe.corpus;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Removes a Project Gutenberg header and licence footer, keeping only the book, when the markers are present. */
public final class GutenbergStripper {
    private static final Pattern START = Pattern.compile(
            "^\\*\\*\\* ?START OF (THE|THIS) PROJECT GUTENBERG[^\\n]*$", Pattern.MULTILINE | Pattern.CASE_INSENSITIVE);
    private static final Pattern END = Pattern.compile(
            "^(\\*\\*\\* ?END OF (THE|THIS) PROJECT GUTENBERG[^\\n]*|End of (the )?Project Gutenberg'?s? [^\\n]*)$",
            Pattern.MULTILINE | Pattern.CASE_INSENSITIVE);

    /** The text between the markers, trimmed; the text unchanged when it has no start marker. */
    public String strip(String text) {
        Matcher start = START.matcher(text);
        if (!start.find()) {
            return text;
        }
        int from = start.end();
        Matcher end = END.matcher(text);
        int to = end.find(from) ? end.start() : text.length();
        return text.substring(from, to).strip() + "\n";
    }

    public boolean hasHeader(String text) {
        return START.matcher(text).find();
    }
}
