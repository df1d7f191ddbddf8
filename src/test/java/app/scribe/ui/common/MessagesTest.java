package app.scribe.ui.common;

import app.scribe.ScribeException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The message bar shows control characters from file names and model files escaped, never raw. */
class MessagesTest {
    @Test
    void everyMessageIsEscaped() {
        Messages messages = new Messages();
        messages.info("Loaded a\u001b[2J\nb.scribe.");
        assertEquals("Loaded a\\u001B[2J\\nb.scribe.", messages.latestProperty().get().text());
        messages.error("x\u0007");
        assertEquals("x\\u0007", messages.latestProperty().get().text());
        messages.failure(new RuntimeException(new ScribeException("m\u001b]0;t.scribe is damaged.")));
        assertEquals("m\\u001B]0;t.scribe is damaged.", messages.latestProperty().get().text());
    }

    @Test
    void theSameSentenceSaidAgainIsShownAgain() {
        Messages messages = new Messages();
        int[] shown = {0};
        messages.latestProperty().addListener((obs, old, now) -> shown[0]++);
        messages.error("There is no model yet: train one or load one.");
        messages.error("There is no model yet: train one or load one.");
        assertEquals(2, shown[0], "a listener hears the repeated message, so the bar shows it again");
    }
}
