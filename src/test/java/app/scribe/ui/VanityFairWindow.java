package app.scribe.ui;

import app.scribe.ui.shell.ScribeApp;

import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The real Scribe window over a test class's own folders, whose corpora hold 200 000 bytes of Vanity Fair as
 * {@code vf.txt}. TestFX only looks for {@code @Start} in the test class itself, so each subclass has a one-line
 * {@code @Start} that calls {@link #open}.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
abstract class VanityFairWindow {
    @TempDir
    static Path folder;
    private static AppFolders folders;
    Stage stage;

    @BeforeAll
    static void folders() throws IOException {
        folders = AppFolders.withVanityFair(folder, "vf.txt");
    }

    @AfterAll
    static void restore() {
        folders.restore();
    }

    void open(Stage stage) {
        this.stage = stage;
        new ScribeApp().start(stage);
    }
}
