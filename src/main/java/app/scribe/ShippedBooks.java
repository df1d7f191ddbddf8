package app.scribe;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;

/**
 * The books that ship with Scribe (Vanity Fair and the King James Bible): the {@code corpora} folder beside Scribe's
 * code, that is beside {@code scribe.jar} in the app image ({@code lib/app/corpora}) and beside {@code target/classes}
 * in a build ({@code target/corpora}, copied there from the project's {@code corpora/}), so they are found from any
 * working folder. A plain folder rather than classpath resources because books are read, hashed and compared as
 * files. The system property {@code scribe.corpora} names another folder (tests use their own).
 */
public final class ShippedBooks {
    public static final String PROPERTY = "scribe.corpora";
    static final String FOLDER_NAME = "corpora";

    private ShippedBooks() {
    }

    public static Path folder() {
        return folder(PROPERTY, FOLDER_NAME);
    }

    /** The folder {@code name} beside Scribe's code, or the one the system property {@code property} names. */
    static Path folder(String property, String name) {
        String chosen = System.getProperty(property);
        if (chosen != null && !chosen.isBlank()) {
            return Path.of(chosen);
        }
        return besideCode(codeLocation(), name);
    }

    /** The folder beside a jar file or a classes folder. */
    static Path besideCode(Path code) {
        return besideCode(code, FOLDER_NAME);
    }

    private static Path besideCode(Path code, String name) {
        return code.toAbsolutePath().getParent().resolve(name);
    }

    private static Path codeLocation() {
        CodeSource source = ShippedBooks.class.getProtectionDomain().getCodeSource();
        try {
            return Path.of(source.getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Scribe's code location is not a file: " + source.getLocation(), e);
        }
    }
}
