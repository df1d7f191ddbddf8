package app.scribe;

import java.nio.file.Path;

/** Points {@link DataFolders} at a test's own folder through {@code scribe.home}, and back afterwards. */
public final class ScribeHome {
    private final String previous;

    private ScribeHome(Path home) {
        previous = System.setProperty(DataFolders.HOME_PROPERTY, home.toString());
    }

    public static ScribeHome at(Path home) {
        return new ScribeHome(home);
    }

    public void restore() {
        if (previous == null) {
            System.clearProperty(DataFolders.HOME_PROPERTY);
        } else {
            System.setProperty(DataFolders.HOME_PROPERTY, previous);
        }
    }
}
