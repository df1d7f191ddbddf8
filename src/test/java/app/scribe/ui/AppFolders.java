package app.scribe.ui;

import app.scribe.DataFolders;
import app.scribe.ScribeHome;
import app.scribe.TestCorpora;
import app.scribe.ui.common.UserPreferences;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * Points the app at a test's own folders ({@link ScribeHome}: its data folders and its shipped books), and back at
 * the previous ones afterwards; clears the tests' preferences node before and after, so that no window restores
 * another test's books or model.
 */
final class AppFolders {
    private final ScribeHome home;

    private AppFolders(ScribeHome home) {
        this.home = home;
        clearPreferences();
    }

    /** Removes the preferences node the tests own; refuses to run against the user's own node. */
    static void clearPreferences() {
        String node = System.getProperty(UserPreferences.NODE_PROPERTY);
        if (node == null || !node.contains("test")) {
            throw new IllegalStateException("UI tests need -D" + UserPreferences.NODE_PROPERTY
                    + "=/app/scribe-tests (the pom sets it), so that they never touch the user's preferences");
        }
        try {
            Preferences.userRoot().node(node).removeNode();
            Preferences.userRoot().flush();
        } catch (BackingStoreException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * {@code folder} as the data folders' home, with {@code models/}, and {@code corpora/} under it holding 200 000
     * bytes of Vanity Fair as {@code bookName}, as the shipped books; {@code starters/}, empty unless a test puts a
     * model there, as the starter models.
     */
    static AppFolders withVanityFair(Path folder, String bookName) throws IOException {
        Path corpora = Files.createDirectories(folder.resolve("corpora"));
        byte[] book = Files.readAllBytes(TestCorpora.book("vanity_fair.txt"));
        Files.write(corpora.resolve(bookName), Arrays.copyOfRange(book, 20_000, 220_000));
        Files.createDirectories(new DataFolders(folder).models());
        Path starters = Files.createDirectories(folder.resolve("starters"));
        return new AppFolders(ScribeHome.at(folder).withShippedBooks(corpora).withStarterModels(starters));
    }

    void restore() {
        clearPreferences();
        home.restore();
    }
}
