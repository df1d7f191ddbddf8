package app.scribe.lab;

import app.scribe.Printable;
import app.scribe.ScribeException;
import app.scribe.persistence.AtomicFile;
import app.scribe.persistence.Replace;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/** Writing a result file Scribe creates: never over an existing file (or link), never half-written. */
public final class NewFile {
    private NewFile() {
    }

    /** Refuses a file (or link, even a dangling one) that exists already; null passes: no file asked for. */
    public static void requireAbsent(Path file) {
        if (file != null && Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new ScribeException(Printable.escape(file.toString()) + " already exists; Scribe does not replace a"
                    + " file it did not write. Choose a new name.");
        }
    }

    /** Writes a new file through {@link AtomicFile}; returns its absolute path. */
    public static Path write(Path file, AtomicFile.Content content) {
        requireAbsent(file);
        Path target = file.toAbsolutePath();
        AtomicFile.write(target, Replace.NOTHING, content);
        return target;
    }
}
