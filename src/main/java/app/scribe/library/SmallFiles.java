package app.scribe.library;

import app.scribe.ScribeException;
import app.scribe.persistence.AtomicFile;
import app.scribe.persistence.Replace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Writes the library's small text files (index, settings) whole or not at all, through {@link AtomicFile}. */
final class SmallFiles {
    private SmallFiles() {
    }

    /**
     * Replaces the library's own file of that name (never a folder, a device or a link); a failure is an
     * {@link IOException} whose message is the sentence saying why, as its callers report a file they could not keep.
     */
    static void writeAtomically(Path target, String text) throws IOException {
        try {
            AtomicFile.write(target, Replace.ANY_FILE, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
        } catch (ScribeException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
