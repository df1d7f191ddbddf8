package app.scribe.ui.models;

import app.scribe.corpus.CorpusInfo;
import app.scribe.model.CellType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

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

    @Test
    void aNewModelIsNamedForItsBooksAndCellPassingOverTheStarters() {
        assertEquals("vanity-fair-lstm", ModelNames.forModel(new CorpusInfo("vanity_fair.txt", "x", 1, 1),
                CellType.LSTM));
        assertEquals("names-gru", ModelNames.forModel(new CorpusInfo("names.txt", "x", 1, 1), CellType.GRU));
        assertEquals("kjv-bible-vanity-fair-lstm", ModelNames.forModel(new CorpusInfo("kjv_bible.txt + vanity_fair.txt",
                "x", 2, 2, List.of(new CorpusInfo.BookInfo("kjv_bible.txt", "a", 1),
                new CorpusInfo.BookInfo("vanity_fair.txt", "b", 1))), CellType.LSTM));
        assertEquals("ein-sehr-langer-dateiname-über-größe-und-lstm", ModelNames.forModel(new CorpusInfo(
                "Ein_sehr_langer_Dateiname_über_Größe_und_Schönheit_der_Literatur.txt", "x", 1, 1), CellType.LSTM));
        Path starterName = folder.resolve("vanity-fair-lstm.scribe");
        assertEquals(folder.resolve("vanity-fair-lstm-2.scribe"),
                ModelNames.freeName(starterName, Set.of("vanity-fair-lstm.scribe")), "a starter's name is taken");
    }
}
