package app.scribe.ui;

import app.scribe.ShippedModels;
import app.scribe.ui.common.UserPreferences;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * Points the app at a test's own corpora and models folders, and back at the previous ones afterwards; clears the
 * tests' preferences node before and after, so that no window restores another test's books or model.
 */
final class AppFolders {
    private final String previousCorpora;
    private final String previousModels;
    private final String previousStarters;

    /** The starter models are the test's own folder's ({@code starters/}, empty unless a test puts one there). */
    private AppFolders(Path corpora, Path models) throws IOException {
        previousCorpora = System.setProperty("scribe.corpora", corpora.toString());
        previousModels = System.setProperty("scribe.models", models.toString());
        previousStarters = System.setProperty(ShippedModels.PROPERTY,
                Files.createDirectories(models.resolveSibling("starters")).toString());
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

    /** {@code corpora/} under {@code folder} holding 200 000 bytes of Vanity Fair as {@code bookName}, and {@code models/}. */
    static AppFolders withVanityFair(Path folder, String bookName) throws IOException {
        Path corpora = Files.createDirectories(folder.resolve("corpora"));
        byte[] book = Files.readAllBytes(Path.of("../shared/corpora/vanity_fair.txt"));
        Files.write(corpora.resolve(bookName), Arrays.copyOfRange(book, 20_000, 220_000));
        return new AppFolders(corpora, Files.createDirectories(folder.resolve("models")));
    }

    void restore() {
        clearPreferences();
        restore("scribe.corpora", previousCorpora);
        restore("scribe.models", previousModels);
        restore(ShippedModels.PROPERTY, previousStarters);
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }
}
