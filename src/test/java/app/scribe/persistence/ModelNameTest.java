package app.scribe.persistence;

import app.scribe.ScribeException;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** An empty model name is called empty; a name with other characters is told which ones a name may use. */
class ModelNameTest {
    private final ModelFolder folder = new ModelFolder(Path.of("models"));

    @Test
    void anEmptyNameIsCalledEmpty() {
        for (String empty : new String[]{"", "   ", null, ".scribe"}) {
            assertEquals("The name is empty: type a name for the model.",
                    assertThrows(ScribeException.class, () -> folder.fileFor(empty)).getMessage());
        }
        assertEquals("A model name may use letters, digits, spaces, '.', '_' and '-' (got 'a/b').",
                assertThrows(ScribeException.class, () -> folder.fileFor("a/b")).getMessage());
        assertEquals(Path.of("models", "my model.scribe"), folder.fileFor(" my model "));
    }
}
