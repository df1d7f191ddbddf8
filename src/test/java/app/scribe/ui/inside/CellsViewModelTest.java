package app.scribe.ui.inside;

import app.scribe.ui.common.BackgroundWork;
import app.scribe.ui.common.Messages;
import app.scribe.ui.common.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** "Type or paste a text…" goes from the message bar once there is a text to read; another message stays. */
class CellsViewModelTest {
    @TempDir
    Path dir;

    @Test
    void askingForATextIsTakenBackOnceThereIsOne() {
        Messages messages = new Messages();
        BackgroundWork background = new BackgroundWork();
        CellsViewModel cells = new CellsViewModel(new Session(dir, dir, background, messages));
        messages.error(CellsViewModel.NO_TEXT); // as Read says it with the text empty
        cells.textProperty().set("Miss Sharp said that");
        assertNull(messages.latestProperty().get());

        messages.error("The heatmap shows the first 3000 characters.");
        cells.textProperty().set("Miss Sharp said");
        assertEquals("The heatmap shows the first 3000 characters.", messages.latestProperty().get().text());
        background.shutdown();
    }
}
