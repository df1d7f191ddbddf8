package app.scribe.library;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The titles and authors of the books in a folder, in its {@code books.tsv}: one line per file,
 * {@code file<TAB>title<TAB>author}. The library writes it as books arrive; the shipped corpora folder has one too.
 */
public final class BookIndex {
    public static final String FILE_NAME = "books.tsv";

    /** What a book is shown as. */
    public record Label(String title, String author) {
        @Override
        public String toString() {
            return author.isEmpty() ? title : title + " — " + author;
        }
    }

    private BookIndex() {
    }

    /** The folder's labels by file name; empty when it has no index or the index cannot be read. */
    public static Map<String, Label> read(Path folder) {
        Map<String, Label> labels = new LinkedHashMap<>();
        Path index = folder.resolve(FILE_NAME);
        if (!Files.isRegularFile(index)) {
            return labels;
        }
        try {
            for (String line : Files.readAllLines(index, StandardCharsets.UTF_8)) {
                String[] fields = line.split("\t", -1);
                if (fields.length >= 2 && !fields[0].isBlank() && !fields[1].isBlank()) {
                    labels.put(fields[0], new Label(fields[1], fields.length > 2 ? fields[2] : ""));
                }
            }
        } catch (IOException e) {
            // Labels are a courtesy: without them the books are shown by file name.
            labels.clear();
        }
        return labels;
    }

    /** Adds or replaces one book's line, writing the index atomically. */
    static void put(Path folder, String file, Label label) throws IOException {
        Map<String, Label> labels = read(folder);
        labels.put(file, label);
        StringBuilder text = new StringBuilder();
        labels.forEach((name, each) -> text.append(name).append('\t').append(clean(each.title())).append('\t')
                .append(clean(each.author())).append('\n'));
        SmallFiles.writeAtomically(folder.resolve(FILE_NAME), text.toString());
    }

    private static String clean(String field) {
        return field.replaceAll("[\\t\\r\\n]+", " ");
    }
}
