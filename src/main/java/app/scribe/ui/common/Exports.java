package app.scribe.ui.common;

import app.scribe.Printable;
import app.scribe.ScribeException;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.image.WritableImage;
import javafx.stage.Window;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

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
        return replace(file, temp -> Files.writeString(temp, text, StandardCharsets.UTF_8));
    }

    private interface Content {
        void writeTo(Path temp) throws IOException;
    }

    /**
     * Writes to a temporary file beside {@code file}, then moves it over {@code file} atomically, so that a failure
     * leaves the file the user picked as it was. Only a regular file is replaced: a device, a pipe or a folder is
     * refused (writing into a pipe would wait forever, and replacing it is not the user's wish).
     */
    private static Path replace(Path file, Content content) {
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new ScribeException(Printable.escape(file.getFileName().toString())
                    + " is not a regular file (a device, a pipe or a folder); Scribe does not replace it."
                    + " Choose another name.");
        }
        Path folder = file.toAbsolutePath().getParent();
        Path temp = null;
        try {
            temp = Files.createTempFile(folder, ".scribe-export-", ".tmp");
            content.writeTo(temp);
            return Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new ScribeException("Cannot write " + file + ": " + e.getMessage());
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // Only a leftover temporary file; the message above says what failed.
                }
            }
        }
    }

    public void savePng(Node node, String suggestedName, Window owner) {
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
        return replace(file, temp -> {
            if (!ImageIO.write(image, "png", temp.toFile())) {
                throw new IOException("no PNG writer");
            }
        });
    }
}
