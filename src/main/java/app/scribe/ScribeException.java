package app.scribe;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/**
 * A failure the user can act on: its message is a complete sentence that names the file or value at fault.
 * The CLI prints it as {@code error: <message>}; the UI shows it in a dialog. Anything else is a bug and is logged.
 */
public class ScribeException extends RuntimeException {
    public ScribeException(String message) {
        super(message);
    }

    public ScribeException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Why the file {@code name} (already escaped for printing) could not be read, in one sentence: it is gone, it
     * may not be read, or what the system said. The one place these sentences are written, for books and models.
     */
    public static ScribeException unreadable(String name, FileSystemException e) {
        if (e instanceof NoSuchFileException) {
            return new ScribeException(name + " does not exist (or was removed while it was read).");
        }
        if (e instanceof AccessDeniedException) {
            return new ScribeException(name + " cannot be read: permission denied.");
        }
        String reason = e.getReason() == null ? "." : ": " + e.getReason() + ".";
        return new ScribeException(name + " cannot be read" + reason, e);
    }

    /** {@code words} made the start of a sentence: "learning rate" becomes "Learning rate"; "--lr" stays. */
    public static String opening(String words) {
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
