package app.scribe.cli;

import app.scribe.TestCorpora;
import app.scribe.corpus.Cleaning;
import app.scribe.corpus.TextMapper;
import app.scribe.persistence.ModelFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipFile;

import static app.scribe.cli.ScribeCommandTest.Result;
import static app.scribe.cli.ScribeCommandTest.assertBadInput;
import static app.scribe.cli.ScribeCommandTest.scribe;
import static app.scribe.cli.ScribeCommandTest.train;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** train --clean records the cleaning, and generate, complete and eval map their text with it. */
class CleanCommandTest {
    /** Outside ASCII and without an ASCII form: an ASCII model drops it, a model kept as is refuses it. */
    private static final String UNSEEN = "∑";

    @TempDir
    static Path dir;
    static Path book;
    static Path cleaned;
    static Result trained;

    @BeforeAll
    static void trainCleaned() throws IOException {
        book = Files.write(dir.resolve("darwin.txt"), TestCorpora.start("darwin_reis_om_de_wereld_nl.txt", 60_000));
        cleaned = dir.resolve("cleaned.scribe");
        trained = train(book, cleaned, "--steps", "5", "--clean", "lowercase,rare=10", "--clean", "ascii");
    }

    @Test
    void theCleaningIsReportedAndRecordedInTheModelFile() throws IOException {
        assertEquals(0, trained.code(), trained.err());
        assertTrue(trained.out().contains("cleaning: ascii,lowercase,rare=10: "), trained.out());
        TextMapper mapper = new ModelFile().load(cleaned).vocabulary().mapper();
        assertEquals(new Cleaning(true, true, 10), mapper.cleaning());
        assertTrue(mapper.hasPlaceholder());
        try (ZipFile zip = new ZipFile(cleaned.toFile())) {
            String manifest = new String(zip.getInputStream(zip.getEntry("manifest.json")).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertTrue(manifest.contains("\"formatVersion\" : 5"), manifest);
            assertTrue(manifest.contains("\"rareBelow\" : 10"), manifest);
            assertTrue(manifest.contains("\"placeholder\" : " + mapper.placeholder()), manifest);
        }
    }

    @Test
    void generateMapsThePromptInsteadOfRefusingIt() {
        var vocabulary = new ModelFile().load(cleaned).vocabulary();
        char unseen = (char) java.util.stream.IntStream.rangeClosed(33, 126).filter(c -> vocabulary.indexOf(c) < 0)
                .findFirst().orElseThrow();
        Result generated = scribe("generate", "--model", cleaned.toString(), "--prompt",
                "De Kapitein zag " + UNSEEN + unseen, "--length", "20", "--seed", "3");
        assertEquals(0, generated.code(), generated.err());
        String placeholder = Character.toString(vocabulary.mapper().placeholder());
        assertTrue(generated.out().startsWith("de kapitein zag " + placeholder), generated.out());
    }

    @Test
    void completeAndEvalMapTheirTextToo() throws IOException {
        Result completed = scribe("complete", "--model", cleaned.toString(), "--text", "De Kapitein " + UNSEEN + " zag",
                "--n", "2");
        assertEquals(0, completed.code(), completed.err());
        assertFalse(completed.err().contains("warning"), completed.err());
        assertEquals(2, completed.outLines().stream().filter(l -> l.contains("\t")).count(), completed.out());

        Path text = Files.writeString(dir.resolve("scored.txt"), "DE REIS VAN DE BEAGLE " + UNSEEN + " „Één”.\n");
        Result evaluated = scribe("eval", "--model", cleaned.toString(), "--text", text.toString(), "--strict");
        assertEquals(0, evaluated.code(), evaluated.err());
        assertTrue(evaluated.out().contains("bpc="), evaluated.out());
    }

    @Test
    void aModelKeptAsIsStillRefusesCharactersItNeverSaw() {
        Path asIs = dir.resolve("as-is.scribe");
        Result plain = train(book, asIs, "--steps", "2");
        assertEquals(0, plain.code(), plain.err());
        assertFalse(plain.out().contains("cleaning:"), plain.out());
        assertEquals(Cleaning.KEEP, new ModelFile().load(asIs).vocabulary().mapper().cleaning());
        assertBadInput(scribe("generate", "--model", asIs.toString(), "--prompt", "zag " + UNSEEN), "U+2211");
    }

    @Test
    void resumingKeepsTheModelsCleaning() {
        Path resumed = dir.resolve("resumed.scribe");
        assertEquals(0, train(book, resumed, "--steps", "2", "--clean", "lowercase").code());
        Result again = train(book, resumed, "--resume", resumed.toString(), "--steps", "2", "--clean", "ascii");
        assertEquals(0, again.code(), again.err());
        assertTrue(again.err().contains("--clean"), "the ignored flag is named: " + again.err());
        assertEquals(new Cleaning(false, true, 0), new ModelFile().load(resumed).vocabulary().mapper().cleaning());
    }

    @Test
    void badCleaningValuesAreRefused() {
        Path out = dir.resolve("never.scribe");
        assertBadInput(train(book, out, "--clean", "utf8"), "--clean takes ascii, lowercase, rare=N");
        assertBadInput(train(book, out, "--clean", "rare=1"), "between 2 and");
        assertBadInput(train(book, out, "--clean", "ascii,rare=ten"), "rare=N");
        assertFalse(Files.exists(out));
    }
}
