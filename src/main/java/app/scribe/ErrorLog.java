package app.scribe;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;

/** Where unexpected failures go with their stack traces, so the user sees a sentence and a developer the details. */
public final class ErrorLog {
    private ErrorLog() {
    }

    public static Path file() {
        return DataFolders.ofUser().log();
    }

    /** Appends the failure to the log and returns the log's path. */
    public static Path write(Throwable failure) {
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        try {
            Files.createDirectories(file().getParent());
            Files.writeString(file(), LocalDateTime.now() + " " + trace + System.lineSeparator(),
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException ignored) {
            // Logging must never turn one failure into two; the user still gets the message.
        }
        return file();
    }
}
