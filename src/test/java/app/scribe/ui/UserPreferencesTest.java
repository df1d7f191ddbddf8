package app.scribe.ui;

import app.scribe.ui.common.UserPreferences;

import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Preferences read back what was saved, leave out files that have gone, and ignore values that make no sense. */
class UserPreferencesTest {
    private Preferences node;

    @TempDir
    Path dir;

    @BeforeEach
    void ownNode() throws BackingStoreException {
        node = Preferences.userRoot().node("/app/scribe-tests/unit");
        node.clear();
    }

    @AfterEach
    void removeNode() throws BackingStoreException {
        node.removeNode();
    }

    @Test
    void readsBackWhatWasSavedWithoutFilesThatHaveGone() throws IOException {
        Path book = Files.writeString(dir.resolve("book.txt"), "text");
        Path kept = Files.writeString(dir.resolve("kept.scribe"), "model");
        Path gone = Files.writeString(dir.resolve("gone.scribe"), "model");
        List<Path> recent = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            recent = UserPreferences.withRecent(recent, Files.writeString(dir.resolve("m" + i + ".scribe"), "m"));
        }
        recent = UserPreferences.withRecent(UserPreferences.withRecent(recent, gone), kept);
        new UserPreferences(node).save(List.of(book), kept, recent, new Rectangle2D(10, 20, 900, 600),
                new double[] {0.2, 0.6}, "bits/char");
        Files.delete(gone);

        UserPreferences read = new UserPreferences(node);
        assertEquals(List.of(book), read.lastBooks());
        assertEquals(Optional.of(kept), read.lastModel());
        assertEquals(List.of(kept, dir.resolve("m9.scribe"), dir.resolve("m8.scribe"), dir.resolve("m7.scribe"),
                dir.resolve("m6.scribe"), dir.resolve("m5.scribe"), dir.resolve("m4.scribe")), read.recentModels(),
                "newest first, at most eight saved, the one that has gone left out");
        assertEquals(Optional.of(new Rectangle2D(10, 20, 900, 600)), read.window());
        assertArrayEquals(new double[] {0.2, 0.6}, read.dividers());
        assertEquals(Optional.of("bits/char"), read.units());
    }

    @Test
    void nonsenseIsIgnored() {
        node.put("window", "10 20 wide high");
        node.put("dividers", "0.2 x");
        node.put("lastModel", dir.toString());
        UserPreferences read = new UserPreferences(node);
        assertEquals(Optional.empty(), read.window());
        assertArrayEquals(new double[0], read.dividers());
        assertEquals(Optional.empty(), read.lastModel());
        assertEquals(List.of(), read.recentModels());
        node.put("window", "10 20 50 40");
        assertEquals(Optional.empty(), new UserPreferences(node).window(), "a window too small to use");
    }
}
