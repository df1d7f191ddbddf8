package app.scribe.cli;

import app.scribe.TestCorpora;
import app.scribe.cli.ScribeCommandTest.Result;
import app.scribe.persistence.ModelZip;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static app.scribe.cli.ScribeCommandTest.assertBadInput;
import static app.scribe.cli.ScribeCommandTest.scribe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A command line picocli refuses is told in the CLI's own words, and a file is named as the user gave it: never
 * picocli's texts ("is not a long", "Missing required options", "Unmatched argument"), Jackson's, or the last part
 * of a path alone.
 */
class CommandLineWordsTest {
    @TempDir
    static Path dir;
    static Path corpus;
    static Path model;

    @BeforeAll
    static void trainOnce() throws IOException {
        corpus = TestCorpora.shakespeare(dir, "play.txt", 8_000);
        model = dir.resolve("tiny.scribe");
        Result r = ScribeCommandTest.train(corpus, model, "--steps", "3");
        assertEquals(0, r.code(), r.err());
    }

    private static void assertSaid(Result r, String sentence) {
        assertBadInput(r, sentence);
        assertEquals("error: " + sentence, r.errLines().get(0));
    }

    private static Result train(String... extra) {
        return scribe(ScribeCommandTest.concat(new String[]{"train", "--corpus", corpus.toString(), "--out",
                dir.resolve("out.scribe").toString()}, extra));
    }

    @Test
    void valuesOfTheWrongKindAreNamedWithWhatWasGiven() {
        assertSaid(train("--steps", "abc"), "--steps must be a whole number (got 'abc').");
        assertSaid(train("--seed", "1.5"), "--seed must be a whole number (got '1.5').");
        assertSaid(train("--dropout", "lots"), "--dropout must be a number (got 'lots').");
        assertSaid(scribe("generate", "--model", model.toString(), "--length", "99999999999"),
                "--length is too large (got '99999999999').");
        assertSaid(scribe("serve", "--model", model.toString(), "--time-limit", "NaN"),
                "--time-limit must be a whole number (got 'NaN').");
        assertSaid(scribe("library", "get", "abc"), "ID must be a whole number (got 'abc').");
        assertSaid(train("--steps"), "--steps needs a value.");
        assertSaid(scribe("train", "--corpus", "--out", "x.scribe"), "--corpus needs a value (found the option '--out'"
                + " after it).");
        assertSaid(train("--optimizer", "foo"), "--optimizer must be one of rmsprop, adam, sgd, momentum (got 'foo').");
        assertSaid(scribe("complete", "--model", model.toString(), "--text", "a", "--until", "99999999999"),
                "--until must be word, phrase or a number of characters from 1 to 200 (got '99999999999').");
    }

    @Test
    void missingRepeatedAndClashingOptionsAreSentences() {
        assertSaid(scribe("train"), "train needs --corpus and --out.");
        assertSaid(scribe("complete", "--model", model.toString()), "complete needs --text or --text-file.");
        assertSaid(scribe("generate", "--model", model.toString(), "--greedy", "--beam", "3"),
                "Give either --greedy or --beam, not both.");
        assertSaid(train("--layers", "1", "--layers", "2"), "--layers is given twice.");
        assertSaid(scribe("generate", "--model", model.toString(), "extra"), "generate takes no argument 'extra'.");
        assertSaid(scribe("train", "--stpes", "3"), "train has no option '--stpes' (did you mean --steps?).");
    }

    @Test
    void anUnknownPageOrCommandListsTheChoices() {
        assertSaid(scribe("lab", "foo"), "lab has no page 'foo': pick one of power, timegate, palindrome, gradients,"
                + " optimizers or cells.");
        assertSaid(scribe("library", "foo"), "library has no command 'foo': pick one of search, get or list.");
        assertSaid(scribe("lab"), "Name a lab page: palindrome, gradients, timegate, power, optimizers or cells.");
    }

    @Test
    void filesAreNamedAsGivenAndAnEmptyNameIsRefused() {
        assertSaid(scribe("generate", "--model", "/dev/zero"),
                "/dev/zero is not an ordinary file (a device, pipe or socket), so not a model file.");
        assertSaid(scribe("generate", "--model", dir.toString()), dir + " is a folder, not a model file.");
        Path missing = dir.resolve("gone/none.scribe");
        assertSaid(scribe("generate", "--model", missing.toString()), missing + " does not exist.");
        String out = dir.resolve("x.scribe").toString();
        assertSaid(scribe("train", "--corpus", "/dev/null", "--out", out), "/dev/null is not an ordinary file (a device,"
                + " pipe or socket); save the text to a file first.");
        assertSaid(scribe("train", "--corpus", "", "--out", out), "--corpus needs a file name.");
        assertSaid(scribe("generate", "--model="), "--model needs a file name.");
        assertSaid(scribe("lab", "palindrome", "--csv", ""), "--csv needs a file name.");
    }

    @Test
    void helpListsEachOptionOnceAndSaysWhatIsAccepted() {
        for (String command : new String[]{"generate", "complete"}) {
            String help = scribe(command, "--help").out();
            for (String option : new String[]{"--beam=", "--greedy ", "--temperature="}) {
                assertEquals(1, help.split("\n {6}" + option, -1).length - 1, command + " " + option + ": " + help);
            }
        }
        assertFalse(scribe("complete", "--help").out().contains("--rank,"));
        assertTrue(scribe("train", "--help").out().contains("below 0.9"));
        assertBadInput(train("--dropout", "0.9"), "below 0.9");
    }

    @Test
    void completeLimitsCopyingInABeamSearchAsTheReadmeSays() {
        Result r = scribe("complete", "--model", model.toString(), "--text", "The ", "--max-copy", "3", "--corpus",
                corpus.toString(), "--beam", "3");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().startsWith("redrawn="), r.err());
    }

    @Test
    void progressBeforeTheFirstValidationShowsNoValidationLoss() {
        Result r = train("--hidden", "8", "--layers", "1", "--seq", "16", "--batch", "4", "--steps", "2");
        assertEquals(0, r.code(), r.err());
        String first = r.outLines().stream().filter(l -> l.startsWith("step 1 ")).findFirst().orElseThrow();
        assertTrue(first.contains("val_loss -  chars/s"), first);
        assertFalse(r.out().contains("NaN"), r.out());
    }

    @Test
    void aDynamicRateTheScoresDivergeAtIsToldAsSuch() {
        Result r = scribe("eval", "--model", model.toString(), "--text", corpus.toString(), "--dynamic-rate", "1");
        assertSaid(r, "Dynamic evaluation diverged at rate 1: the scores stopped being numbers; use a lower"
                + " --dynamic-rate (such as 0.0003).");
    }

    @Test
    void aDamagedManifestIsDescribedWithoutJacksonsWords() throws IOException {
        ModelZip zip = ModelZip.of(Files.readAllBytes(model));
        Path cut = Files.write(dir.resolve("cut.scribe"), zip.withManifest("{\"formatVersion\": 3, ").bytes());
        Result r = scribe("generate", "--model", cut.toString());
        assertBadInput(r, "cut.scribe has an unreadable manifest.json: it ends before its last value or object is"
                + " complete");
        assertFalse(r.err().contains("end-of-input"), r.err());
    }
}
