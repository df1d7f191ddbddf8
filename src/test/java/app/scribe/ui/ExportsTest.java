package app.scribe.ui;

import app.scribe.ui.common.Exports;

import app.scribe.ScribeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Exports replace a regular file atomically and never write into or over a pipe or a folder. */
class ExportsTest {
    @TempDir
    Path folder;

    @Test
    void aPictureReplacesARegularFileAndLeavesNoTemporaryFile() throws Exception {
        Path file = Files.writeString(folder.resolve("old.png"), "not a picture yet");
        Exports.writePng(new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB), file);
        assertEquals(3, ImageIO.read(file.toFile()).getWidth());
        try (var files = Files.list(folder)) {
            assertEquals(1, files.count(), "only the picture is left");
        }
    }

    @Test
    void aFolderOrAPipeIsRefusedWithASentence() throws Exception {
        Path dir = Files.createDirectory(folder.resolve("chart.png"));
        ScribeException refused = assertThrows(ScribeException.class,
                () -> Exports.writeText("text", dir));
        assertTrue(refused.getMessage().contains("chart.png: it is a folder"), refused.getMessage());
        assertTrue(Files.isDirectory(dir));

        Path pipe = folder.resolve("pipe.png");
        assertEquals(0, new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor(), "mkfifo");
        // Before the check this blocked forever, waiting for a reader of the pipe.
        assertThrows(ScribeException.class,
                () -> Exports.writePng(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB), pipe));
        assertTrue(Files.exists(pipe) && !Files.isRegularFile(pipe), "the pipe is left as it was");
    }
}
