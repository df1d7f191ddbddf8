package app.scribe.ui.common;

import app.scribe.persistence.AtomicFile;
import app.scribe.persistence.Replace;
import javafx.beans.value.ObservableBooleanValue;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.image.WritableImage;
import javafx.stage.Window;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Saving what the studio shows: texts as UTF-8 files, grids and heatmaps as PNG pictures; writing happens off the FX thread. */
public final class Exports {
    private final Session session;

    public Exports(Session session) {
        this.session = session;
    }

    public void saveText(String text, String suggestedName, Window owner) {
        saveText(text, suggestedName, owner, "Text files", "*.txt");
    }

    /** A table as CSV, UTF-8. */
    public void saveCsv(String csv, String suggestedName, Window owner) {
        saveText(csv, suggestedName, owner, "CSV tables", "*.csv");
    }

    private void saveText(String text, String suggestedName, Window owner, String kind, String pattern) {
        if (text.isEmpty()) {
            session.messages().error("There is no text to save yet.");
            return;
        }
        File file = FileDialogs.save(owner, suggestedName, kind, pattern);
        if (file != null) {
            session.background().io(() -> writeText(text, file.toPath()), path -> session.messages().info("Saved " + text.length() + " characters to " + path.getFileName() + "."),
                    session.messages()::failure);
        }
    }

    /** Writes the text as UTF-8 over {@code file}, atomically (see {@link #replace}). */
    public static Path writeText(String text, Path file) {
        return replace(file, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Writes through {@link AtomicFile}: a failure leaves the file the user picked (the save dialog asked before
     * replacing it) as it was; a device, a pipe, a folder or a link is refused.
     */
    private static Path replace(Path file, AtomicFile.Content content) {
        AtomicFile.write(file, Replace.ANY_FILE, content);
        return file;
    }

    /**
     * Makes {@code button} a Save PNG… button: a picture of {@code node} as drawn when it is pressed, saved under a
     * name the user picks ({@code suggestedName} first); off while {@code nothingYet}.
     */
    public void savesPng(Button button, Node node, String suggestedName, ObservableBooleanValue nothingYet) {
        button.disableProperty().bind(nothingYet);
        button.setOnAction(event -> savePng(node, suggestedName, node.getScene().getWindow()));
    }

    private void savePng(Node node, String suggestedName, Window owner) {
        File file = FileDialogs.save(owner, suggestedName, "PNG pictures", "*.png");
        if (file != null) {
            BufferedImage image = picture(node);
            session.background().io(() -> writePng(image, file.toPath()),
                    path -> session.messages().info("Saved the picture to " + path.getFileName() + "."),
                    session.messages()::failure);
        }
    }

    /** A picture of the node as drawn now; on the FX thread. */
    public static BufferedImage picture(Node node) {
        WritableImage snapshot = node.snapshot(null, null);
        return SwingFXUtils.fromFXImage(snapshot, null);
    }

    public static Path writePng(BufferedImage image, Path file) {
        return replace(file, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer");
            }
        });
    }
}
