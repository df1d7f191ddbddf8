package app.scribe.corpus;

import app.scribe.TestCorpora;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Texts of records made from Tiny Shakespeare: its speeches are separated by blank lines, the same speeches
 * separated by lines of {@code %}, and its distinct words one a line.
 */
public final class RecordTexts {
    private RecordTexts() {
    }

    /** The first {@code bytes} bytes of Tiny Shakespeare: speeches (several lines each) between blank lines. */
    public static String speeches(int bytes) {
        String text = new String(TestCorpora.shakespeare(bytes), StandardCharsets.UTF_8);
        return text.substring(0, text.lastIndexOf("\n\n"));
    }

    /** The same speeches, each followed by a line holding only {@code %}. */
    public static String quotations(int bytes) {
        return speeches(bytes).replace("\n\n", "\n%\n") + "\n%\n";
    }

    /** The distinct words of the first {@code bytes} bytes, lower case, one a line, in order of appearance. */
    public static String words(int bytes) {
        Set<String> words = new LinkedHashSet<>();
        for (String word : speeches(bytes).toLowerCase().split("[^a-z]+")) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return String.join("\n", words) + "\n";
    }
}
