package app.scribe.corpus;

import app.scribe.ScribeException;

import java.nio.file.Path;
import java.util.List;

/**
 * A held-out text to validate on instead of the corpus's own tail ({@code train --val FILE}): read and cleaned as
 * {@code eval} reads a text, in the corpus's vocabulary. Characters the vocabulary lacks are left out and named.
 *
 * @param indices the text as vocabulary indices, unknown characters left out
 * @param skipped how many characters were left out
 * @param unknown the distinct characters left out, the first twenty named; empty when none
 */
public record ValidationText(char[] indices, long skipped, String unknown) {
    public static ValidationText read(Path file, Vocabulary vocabulary) {
        return of(TextFiles.nameOf(file), TextFiles.readText(file, CorpusReader.MAX_FILE_BYTES, "validates on"),
                vocabulary);
    }

    /** {@code text}, named {@code name} in a refusal, in the vocabulary's form and indices. */
    public static ValidationText of(String name, String raw, Vocabulary vocabulary) {
        String text = vocabulary.prepare(raw);
        List<String> missing = vocabulary.unknownCharacters(text);
        StringBuilder known = new StringBuilder(text.length());
        text.codePoints().filter(cp -> vocabulary.indexOf(cp) >= 0).forEach(known::appendCodePoint);
        if (known.length() == 0) {
            throw new ScribeException(name + " has no characters the corpus has, to validate on.");
        }
        long skipped = text.codePointCount(0, text.length()) - known.codePointCount(0, known.length());
        return new ValidationText(vocabulary.encode(known.toString()), skipped, Vocabulary.firstOf(missing));
    }
}
