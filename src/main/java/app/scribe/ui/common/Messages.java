package app.scribe.ui.common;

import app.scribe.ErrorLog;
import app.scribe.Printable;
import app.scribe.ScribeException;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The message bar's model: the latest thing the user should read, with control characters (from a file name or a
 * model file) escaped. Set on the FX thread.
 */
public final class Messages {
    /** A note, a problem the user can fix, or a failure Scribe did not expect (logged). */
    public enum Kind { INFO, ERROR, FAILURE }

    /**
     * A message; {@code number} counts the messages, so that the same sentence said again is a new message (a
     * property tells its listeners only of values that differ, and a record with the same text would be equal).
     */
    public record Message(Kind kind, String text, long number) {
    }

    private long said;

    private final ReadOnlyObjectWrapper<Message> latest = new ReadOnlyObjectWrapper<>();

    public ReadOnlyObjectProperty<Message> latestProperty() {
        return latest.getReadOnlyProperty();
    }

    public void info(String text) {
        latest.set(new Message(Kind.INFO, Printable.escape(text), ++said));
    }

    public void error(String text) {
        latest.set(new Message(Kind.ERROR, Printable.escape(text), ++said));
    }

    /**
     * Takes back the problem {@code text} when it is the latest message (the field it was about is fixed): the
     * latest message becomes none. Another message said since stays.
     */
    public void withdraw(String text) {
        Message message = latest.get();
        if (message != null && message.kind() == Kind.ERROR && message.text().equals(Printable.escape(text))) {
            latest.set(null);
        }
    }

    /** Shows a failure as a sentence: its own message when it is a user-facing one, else a pointer to the log. */
    public void failure(Throwable failure) {
        latest.set(new Message(userFacing(failure) == null ? Kind.FAILURE : Kind.ERROR,
                Printable.escape(describe(failure)), ++said));
    }

    /** The sentence a failure is shown as; an unexpected one is logged first. */
    public static String describe(Throwable failure) {
        ScribeException userFacing = userFacing(failure);
        if (userFacing != null) {
            return userFacing.getMessage();
        } else if (failure instanceof OutOfMemoryError) {
            return "Scribe ran out of memory; try a smaller model or batch.";
        }
        return "Something went wrong (" + failure + "); details are in " + ErrorLog.write(failure) + ".";
    }

    /** The failure's own sentence for the user, when it or a cause is one. */
    private static ScribeException userFacing(Throwable failure) {
        Throwable cause = failure;
        while (cause != null && !(cause instanceof ScribeException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause instanceof ScribeException user ? user : null;
    }
}
