package app.scribe.lab;

import app.scribe.Printable;
import app.scribe.ScribeException;
import app.scribe.persistence.AtomicFile;
import app.scribe.persistence.Replace;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/** Writing a result file Scribe creates: never over an existing file (or link), never half-written. */
public final class NewFile {
    private NewFile() {
    }

    /** Refuses a file (or link, even a dangling one) that exists already; null passes: no file asked for. */
    private static void requireAbsent(Path file) {
        if (file != null && Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new ScribeException(Printable.escape(file.toString()) + " already exists; Scribe does not replace a"
                    + " file it did not write. Choose a new name.");
        }
    }

    /**
     * Refuses, before any work, result files that exist (links included), cannot be created, or are one file named
     * twice; nulls (no file asked for) pass.
     */
    public static void requireNew(Path... files) {
        Set<Path> seen = new HashSet<>();
        for (Path file : files) {
            if (file == null) {
                continue;
            }
            requireAbsent(file);
            AtomicFile.checkWritable(file, Replace.NOTHING);
            if (!seen.add(file.toAbsolutePath().normalize())) {
                throw new ScribeException(Printable.escape(file.toString()) + " is named for two results; give each"
                        + " its own file.");
            }
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
