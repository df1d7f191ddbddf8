package app.scribe.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Points the app at a test's own corpora and models folders, and back at the previous ones afterwards. */
final class AppFolders {
    private final String previousCorpora;
    private final String previousModels;

    private AppFolders(Path corpora, Path models) {
        previousCorpora = System.setProperty("scribe.corpora", corpora.toString());
        previousModels = System.setProperty("scribe.models", models.toString());
    }

    /** {@code corpora/} under {@code folder} holding 200 000 bytes of Vanity Fair as {@code bookName}, and {@code models/}. */
    static AppFolders withVanityFair(Path folder, String bookName) throws IOException {
        Path corpora = Files.createDirectories(folder.resolve("corpora"));
        byte[] book = Files.readAllBytes(Path.of("../shared/corpora/vanity_fair.txt"));
        Files.write(corpora.resolve(bookName), Arrays.copyOfRange(book, 20_000, 220_000));
        return new AppFolders(corpora, Files.createDirectories(folder.resolve("models")));
    }

    void restore() {
        restore("scribe.corpora", previousCorpora);
        restore("scribe.models", previousModels);
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }
}
