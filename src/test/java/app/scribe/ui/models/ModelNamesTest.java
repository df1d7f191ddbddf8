package app.scribe.ui.models;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ModelNamesTest {
    @TempDir
    Path folder;

    @Test
    void aTakenNameGetsTheNextFreeNumberNotANumberOnANumber() throws IOException {
        Path first = folder.resolve("my-model.scribe");
        assertEquals(first, ModelNames.freeName(first), "a free name is kept");
        Files.writeString(first, "taken");
        Path second = ModelNames.freeName(first);
        assertEquals(folder.resolve("my-model-2.scribe"), second);
        Files.writeString(second, "taken");
        assertEquals(folder.resolve("my-model-3.scribe"), ModelNames.freeName(second), "not my-model-2-2");
        Files.writeString(folder.resolve("my-model-3.best.scribe"), "a best file takes the name too");
        assertEquals(folder.resolve("my-model-4.scribe"), ModelNames.freeName(first));
    }
}
