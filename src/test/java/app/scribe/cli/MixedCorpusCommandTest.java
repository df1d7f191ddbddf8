package app.scribe.cli;

import app.scribe.TestCorpora;
import app.scribe.corpus.CorpusInfo;
import app.scribe.persistence.ModelFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static app.scribe.cli.ScribeCommandTest.Result;
import static app.scribe.cli.ScribeCommandTest.scribe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MixedCorpusCommandTest {
    @TempDir
    Path dir;

    @Test
    void aModelTrainedOnTwoBooksRecordsThemAndGenerates() throws IOException {
        Path shakespeare = Files.write(dir.resolve("shakespeare.txt"), TestCorpora.shakespeare(20_000));
        Path grimm = Files.write(dir.resolve("grimm.txt"), TestCorpora.start("grimms_fairy_tales.txt", 10_000));
        Path out = dir.resolve("mixed.scribe");
        Result trained = scribe(ScribeCommandTest.concat(new String[]{"train", "--corpus", shakespeare.toString(),
                "--corpus", grimm.toString(), "--out", out.toString(), "--steps", "10"}, ScribeCommandTest.TINY));
        assertEquals(0, trained.code(), trained.err());
        assertTrue(trained.out().contains("books: shakespeare.txt "), trained.out());
        assertTrue(trained.out().contains("· grimm.txt "), trained.out());

        CorpusInfo info = new ModelFile().load(out).corpus();
        assertEquals("shakespeare.txt + grimm.txt", info.name());
        assertEquals(2, info.books().size());
        assertEquals("grimm.txt", info.books().get(1).name());

        Result generated = scribe("generate", "--model", out.toString(), "--length", "40");
        assertEquals(0, generated.code(), generated.err());
        assertTrue(generated.out().strip().length() >= 20, generated.out());
    }
}
