package app.scribe.persistence;

import app.scribe.ScribeException;
import app.scribe.training.SizeAdvice;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The models folder lists real model files newest first with their manifests' facts, and guards renames and deletes. */
class ModelFolderTest {
    private static SavedModel trained;
    private final ModelFile files = new ModelFile();

    @TempDir
    Path dir;

    @BeforeAll
    static void train() throws IOException {
        ModelFileTest.train();
        trained = ModelFileTest.trained;
    }

    @Test
    void listsModelsNewestFirstWithWhatTheirManifestsSay() throws IOException {
        Path models = Files.createDirectories(dir.resolve("models"));
        Path older = save(models.resolve("older.scribe"), "2026-01-01T10:00:00Z");
        Path newer = save(models.resolve("newer.scribe"), "2026-06-01T10:00:00Z");
        Path broken = Files.write(models.resolve("broken.scribe"), "not a zip at all".getBytes());
        Files.setLastModifiedTime(broken, FileTime.from(Instant.parse("2026-03-01T10:00:00Z")));
        Files.writeString(models.resolve("notes.txt"), "not a model");
        ModelFolder folder = new ModelFolder(models);

        assertEquals(List.of(newer, broken, older), folder.files());
        ModelSummary summary = folder.summary(newer);
        assertFalse(summary.damaged());
        assertEquals("shakespeare-20k.txt", summary.book());
        assertEquals(24, summary.hyperparameters().hiddenSize());
        assertEquals(2, summary.hyperparameters().layers());
        assertEquals(6, summary.step());
        assertEquals(3.6, summary.validationLoss());
        assertEquals(SizeAdvice.parameters(trained.model().hyperparameters(), trained.vocabulary().size()),
                summary.parameters());
        assertEquals(Instant.parse("2026-06-01T10:00:00Z"), summary.modified());
        ModelSummary damaged = folder.summary(broken);
        assertTrue(damaged.damaged() && damaged.problem().contains("not a Scribe model file"), damaged.problem());
    }

    @Test
    void renamesAndDeletesOnlyItsOwnModelsAndNeverReplacesAFile() throws IOException {
        Path models = Files.createDirectories(dir.resolve("models"));
        Path first = save(models.resolve("first.scribe"), "2026-01-01T10:00:00Z");
        Path second = save(models.resolve("second.scribe"), "2026-01-02T10:00:00Z");
        byte[] secondBytes = Files.readAllBytes(second);
        Path broken = Files.write(models.resolve("broken.scribe"), "damaged".getBytes());
        Path elsewhere = save(Files.createDirectories(dir.resolve("elsewhere")).resolve("other.scribe"),
                "2026-01-03T10:00:00Z");
        ModelFolder folder = new ModelFolder(models);

        ScribeException taken = assertThrows(ScribeException.class, () -> folder.rename(first, "second"));
        assertTrue(taken.getMessage().contains("already exists"), taken.getMessage());
        assertTrue(Files.exists(first));
        assertArrayEquals(secondBytes, Files.readAllBytes(second), "the other model is untouched");
        assertThrows(ScribeException.class, () -> folder.rename(first, "../escaped"));
        assertThrows(ScribeException.class, () -> folder.rename(broken, "fixed"));
        assertThrows(ScribeException.class, () -> folder.delete(broken));
        assertThrows(ScribeException.class, () -> folder.delete(elsewhere));
        assertTrue(Files.exists(broken) && Files.exists(elsewhere), "what Scribe cannot read as its own stays");

        Path renamed = folder.rename(first, "renamed");
        assertEquals(models.resolve("renamed.scribe"), renamed);
        assertFalse(Files.exists(first));
        assertEquals(6, files.load(renamed).history().step(), "the renamed model loads");
        folder.delete(second);
        assertFalse(Files.exists(second));
        assertEquals(List.of(broken, renamed), folder.files(), "a rename keeps the date");
    }

    /** A model's best-so-far file goes with it, and a rename whose best name is taken moves nothing. */
    @Test
    void aRenameTakesTheBestModelAlong() throws IOException {
        Path models = Files.createDirectories(dir.resolve("models"));
        Path model = save(models.resolve("tale.scribe"), "2026-01-01T10:00:00Z");
        Path best = save(models.resolve("tale.best.scribe"), "2026-01-01T10:00:00Z");
        Path otherBest = save(models.resolve("taken.best.scribe"), "2026-01-02T10:00:00Z");
        ModelFolder folder = new ModelFolder(models);

        ScribeException taken = assertThrows(ScribeException.class, () -> folder.rename(model, "taken"));
        assertTrue(taken.getMessage().contains("taken.best.scribe already exists"), taken.getMessage());
        assertTrue(Files.exists(model) && Files.exists(best) && Files.exists(otherBest), "nothing moved");

        Path renamed = folder.rename(model, "story");
        assertEquals(models.resolve("story.scribe"), renamed);
        assertEquals(6, files.load(models.resolve("story.best.scribe")).history().step(), "the best came along");
        assertFalse(Files.exists(model) || Files.exists(best));
    }

    private Path save(Path file, String modified) throws IOException {
        files.save(trained, file);
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse(modified)));
        return file;
    }
}
