package app.scribe.corpus;

import app.scribe.Printable;
import app.scribe.ScribeException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reading the text files a user names: books to train on, texts to score. Every problem is a message naming the file. */
public final class TextFiles {
    private TextFiles() {
    }

    /** The file's name as messages and labels show it, with any control characters in it escaped. */
    public static String nameOf(Path file) {
        return Printable.escape(file.getFileName() == null ? file.toString() : file.getFileName().toString());
    }

    /**
     * The bytes of an ordinary file of at most {@code maxBytes}; {@code purpose} completes the refusal of a larger
     * one ("Scribe trains on files up to ...").
     */
    public static byte[] readBytes(Path file, long maxBytes, String purpose) {
        // The path as given: a last part alone may name another file ("null" for /dev/null) or nothing at all.
        String name = Printable.escape(file.toString());
        try {
            if (Files.isDirectory(file)) {
                throw new ScribeException(name + " is a folder, not a text file.");
            }
            if (!Files.exists(file)) {
                throw new NoSuchFileException(file.toString());
            }
            if (!Files.isRegularFile(file)) {
                // A device or a pipe has no size to check and may never end (/dev/zero): reading it could exhaust
                // memory or hang, so only ordinary files are read.
                throw new ScribeException(name + " is not an ordinary file (a device, pipe or socket); save the text"
                        + " to a file first.");
            }
            long size = Files.size(file);
            if (size > maxBytes) {
                throw new ScribeException(String.format("%s is %,d MB; Scribe %s files up to %,d MB.",
                        name, size >> 20, purpose, maxBytes >> 20));
            }
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length > maxBytes) {
                throw new ScribeException(name + " grew beyond " + (maxBytes >> 20) + " MB while it was read.");
            }
            return bytes;
        } catch (FileSystemException e) {
            throw ScribeException.unreadable(name, e);
        } catch (IOException e) {
            throw new ScribeException(name + " cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * The file's text, decoded and cleaned as a corpus is (no Gutenberg stripping, no minimum length), but not yet in
     * a Unicode normal form: that is the form of the model it is scored with ({@link Vocabulary#prepare}).
     */
    public static String readText(Path file, long maxBytes, String purpose) {
        return new TextDecoder(Normalization.NONE).decode(readBytes(file, maxBytes, purpose), nameOf(file)).text();
    }
}
