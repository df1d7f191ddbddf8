package app.scribe.lab;

import app.scribe.ScribeException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writing a result file Scribe creates: never over an existing file, never half-written. */
public final class NewFile {
    public interface Writer {
        void write(Path temporary) throws IOException;
    }

    private NewFile() {
    }

    /** Refuses a file that exists already (null passes: no file asked for). */
    public static void requireAbsent(Path file) {
        if (file != null && Files.exists(file)) {
            throw new ScribeException(file + " already exists; Scribe does not replace a file it did not write. "
                    + "Choose a new name.");
        }
    }

    public static Path write(Path file, Writer writer) {
        requireAbsent(file);
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Path tmp = null;
        try {
            tmp = Files.createTempFile(dir, "." + target.getFileName(), ".part");
            writer.write(tmp);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new ScribeException("cannot write " + file + ": " + e.getMessage());
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the temporary file stays; the target is untouched either way
                }
            }
        }
    }
}
