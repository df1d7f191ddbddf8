package app.scribe;

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
}
