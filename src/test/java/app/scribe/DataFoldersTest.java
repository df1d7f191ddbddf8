package app.scribe;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Where each system keeps the user's data, and the property that moves it for tests. */
class DataFoldersTest {
    private static final String HOME = "/home/ada";

    @Test
    void withoutXdgDataHomeTheHomeVariableWinsOverJavasUserHome() {
        assertEquals(Path.of("/tmp/sandbox/.local/share/scribe"),
                DataFolders.resolve(null, "Linux", Map.of("HOME", "/tmp/sandbox"), HOME).root(),
                "$HOME/.local/share, as XDG says, not the password file's home");
        assertEquals(Path.of("/data/ada/scribe"), DataFolders.resolve(null, "Linux",
                Map.of("HOME", "/tmp/sandbox", "XDG_DATA_HOME", "/data/ada"), HOME).root());
        assertEquals(Path.of(HOME, ".local/share/scribe"),
                DataFolders.resolve(null, "Linux", Map.of("HOME", ""), HOME).root(), "an empty HOME is not a home");
    }

    @Test
    void linuxUsesXdgDataHomeElseLocalShare() {
        assertEquals(Path.of("/data/ada/scribe"),
                DataFolders.resolve(null, "Linux", Map.of("XDG_DATA_HOME", "/data/ada"), HOME).root());
        assertEquals(Path.of(HOME, ".local/share/scribe"), DataFolders.resolve(null, "Linux", Map.of(), HOME).root());
        assertEquals(Path.of(HOME, ".local/share/scribe"),
                DataFolders.resolve(null, "Linux", Map.of("XDG_DATA_HOME", "relative/dir"), HOME).root(),
                "a relative XDG_DATA_HOME is ignored, as the specification says");
    }

    @Test
    void macOsAndWindowsUseTheirOwnPlaces() {
        assertEquals(Path.of(HOME, "Library", "Application Support", "Scribe"),
                DataFolders.resolve(null, "Mac OS X", Map.of(), HOME).root());
        assertEquals(Path.of("C:/Users/ada/AppData/Roaming", "Scribe"), DataFolders.resolve(null, "Windows 11",
                Map.of("APPDATA", "C:/Users/ada/AppData/Roaming"), HOME).root());
    }

    @Test
    void theScribeHomePropertyMovesEverything() {
        DataFolders folders = DataFolders.resolve("/tmp/test-home", "Linux", Map.of("XDG_DATA_HOME", "/x"), HOME);
        assertEquals(Path.of("/tmp/test-home/models"), folders.models());
        assertEquals(Path.of("/tmp/test-home/books"), folders.books());
        assertEquals(Path.of("/tmp/test-home/scribe.log"), folders.log());
    }
}
