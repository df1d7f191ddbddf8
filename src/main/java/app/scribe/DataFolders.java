package app.scribe;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The user's data folders: {@code $XDG_DATA_HOME/scribe} (else {@code ~/.local/share/scribe}) on Linux,
 * {@code ~/Library/Application Support/Scribe} on macOS, {@code %APPDATA%\Scribe} on Windows. The system property
 * {@code scribe.home} moves them all (tests point it at a temporary folder). Nothing is created here.
 */
public record DataFolders(Path root) {
    public static final String HOME_PROPERTY = "scribe.home";

    /** The folders of the user running Scribe. */
    public static DataFolders ofUser() {
        return resolve(System.getProperty(HOME_PROPERTY), System.getProperty("os.name", ""), System.getenv(),
                System.getProperty("user.home"));
    }

    static DataFolders resolve(String scribeHome, String osName, Map<String, String> env, String userHome) {
        if (scribeHome != null && !scribeHome.isBlank()) {
            return new DataFolders(Path.of(scribeHome));
        }
        String os = osName.toLowerCase(Locale.ROOT);
        // The user's home is $HOME where it is set (XDG's rule, and what a shell and a sandbox mean by home); Java's
        // user.home comes from the password file and ignores it.
        String homeVariable = os.startsWith("windows") ? null : env.get("HOME");
        Path home = Path.of(isSet(homeVariable) && Path.of(homeVariable).isAbsolute() ? homeVariable : userHome);
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            return new DataFolders((isSet(appData) ? Path.of(appData) : home.resolve("AppData").resolve("Roaming"))
                    .resolve("Scribe"));
        }
        if (os.startsWith("mac")) {
            return new DataFolders(home.resolve("Library").resolve("Application Support").resolve("Scribe"));
        }
        String xdg = env.get("XDG_DATA_HOME");
        // The XDG specification says a relative path is invalid and is to be ignored.
        return new DataFolders((isSet(xdg) && Path.of(xdg).isAbsolute() ? Path.of(xdg)
                : home.resolve(".local").resolve("share")).resolve("scribe"));
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }

    public Path models() {
        return root.resolve("models");
    }

    /** The library: downloaded books and the Project Gutenberg catalog. */
    public Path books() {
        return root.resolve("books");
    }

    /** Where unexpected failures are logged with their details ({@link ErrorLog}). */
    public Path log() {
        return root.resolve("scribe.log");
    }

    /** The Lab's pictures and tables, unless its page names another folder. */
    public Path labResults() {
        return root.resolve("lab-results");
    }
}
