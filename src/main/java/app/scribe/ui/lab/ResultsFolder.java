package app.scribe.ui.lab;

import app.scribe.DataFolders;
import app.scribe.ScribeException;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A Lab page's results folder: each save writes a new file named by the page, the time and a counter, off the FX
 * thread, and says what it wrote (or why it could not) on the page's status line.
 *
 * @param page   the page's id, which names its files
 * @param folder the field that names the folder
 * @param status the page's status line
 */
record ResultsFolder(String page, TextField folder, Label status) {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final AtomicInteger SAVES = new AtomicInteger();

    /** The Lab's results folder in the user's data folder, unless {@code -Dscribe.lab} names another. */
    static String defaultFolder() {
        return System.getProperty("scribe.lab", DataFolders.ofUser().labResults().toString());
    }

    /** Writes a new {@code extension} file with {@code writer}, which returns the file it wrote. */
    void save(Function<Path, Path> writer, String extension) {
        if (folder.getText().isBlank()) {
            status.setText("Name a results folder first.");
            return;
        }
        Path into = Path.of(folder.getText().strip());
        Thread t = new Thread(() -> {
            String message;
            try {
                Files.createDirectories(into);
                message = "Saved " + writer.apply(into.resolve(name(extension))) + ".";
            } catch (ScribeException e) {
                message = e.getMessage();
            } catch (IOException | RuntimeException e) {
                message = "Cannot save into " + into + ": " + e.getMessage();
            }
            String m = message;
            Platform.runLater(() -> status.setText(m));
        }, "scribe-lab-save");
        t.setDaemon(true);
        t.start();
    }

    private String name(String extension) {
        return "lab-" + page + "-" + LocalDateTime.now().format(STAMP) + "-" + SAVES.incrementAndGet() + "." + extension;
    }
}
