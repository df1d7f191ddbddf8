package app.scribe.library;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** The library's settings, in {@code library.properties} beside its books: the mirror to fetch from. */
public final class LibrarySettings {
    static final String FILE_NAME = "library.properties";
    private static final String MIRROR = "mirror";

    private LibrarySettings() {
    }

    /** The mirror the user chose last, or the main site when none was saved or the saved one is unusable. */
    public static Mirror mirror(Path folder) {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(folder.resolve(FILE_NAME), StandardCharsets.UTF_8)) {
            properties.load(in);
            return Mirror.of(properties.getProperty(MIRROR, Mirror.MAIN_SITE));
        } catch (IOException | RuntimeException e) {
            return Mirror.mainSite();
        }
    }

    /** Remembers {@code mirror}, writing the file atomically. */
    public static void saveMirror(Path folder, Mirror mirror) throws IOException {
        Properties properties = new Properties();
        properties.setProperty(MIRROR, mirror.toString());
        StringWriter text = new StringWriter();
        properties.store(text, "Scribe library settings");
        SmallFiles.writeAtomically(folder.resolve(FILE_NAME), text.toString());
    }
}
