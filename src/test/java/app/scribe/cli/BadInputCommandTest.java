package app.scribe.cli;

import app.scribe.TestCorpora;
import app.scribe.cli.ScribeCommandTest.Result;
import app.scribe.persistence.ModelZip;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static app.scribe.cli.ScribeCommandTest.concat;
import static app.scribe.cli.ScribeCommandTest.scribe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Damaged models, out-of-range bench flags, help requests and names with control characters, through every command:
 * each is refused with one escaped {@code error:} line and exit 2 (or, for help, answered with exit 0).
 */
class BadInputCommandTest {
    private static final String ESC = "\u001b";
    private static final AtomicInteger CASES = new AtomicInteger();

    @TempDir
    static Path dir;
    static Path corpus;
    static ModelZip model;

    @BeforeAll
    static void trainOnce() throws IOException {
        corpus = TestCorpora.shakespeare(dir, "shakespeare.txt", 8_000);
        Path file = dir.resolve("tiny.scribe");
        Result r = ScribeCommandTest.train(corpus, file, "--steps", "3");
        assertEquals(0, r.code(), r.err());
        model = ModelZip.of(Files.readAllBytes(file));
    }

    @AfterAll
    static void report() {
        System.out.println("bad-input CLI cases: " + CASES.get() + " tried, " + CASES.get() + " refused cleanly");
    }

    /** Exit 2, one {@code error:} line naming {@code fragment}, and no raw control character anywhere. */
    private static void assertRefused(Result r, String fragment) {
        ScribeCommandTest.assertBadInput(r, fragment);
        assertFalse(r.errLines().get(0).contains("Error:"), "picocli's own wording: " + r.err());
        assertFalse(r.err().contains(ESC) || r.out().contains(ESC), "a raw ESC reached the terminal: " + r.err());
        CASES.incrementAndGet();
    }

    private static Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private static Path damaged(String name, Consumer<ObjectNode> edit) throws IOException {
        return write(name, model.withManifest(edit).bytes());
    }

    /** Each command that reads a model refuses this one, naming {@code fragment}. */
    private static void assertEveryCommandRefuses(Path file, String fragment) {
        String m = file.toString();
        assertRefused(scribe("generate", "--model", m, "--length", "20"), fragment);
        assertRefused(scribe("generate", "--model", m, "--beam", "3", "--length", "20"), fragment);
        assertRefused(scribe("eval", "--model", m, "--text", corpus.toString()), fragment);
        assertRefused(ScribeCommandTest.train(corpus, dir.resolve("resumed.scribe"), "--resume", m), fragment);
    }

    @Test
    void modelsWithNonFiniteWeightsAreRefusedAsDiverged() throws IOException {
        assertEveryCommandRefuses(write("nan.scribe", model.withFloat(5, Float.NaN).bytes()), "diverged");
        assertEveryCommandRefuses(write("inf.scribe", model.withFloat(0, Float.POSITIVE_INFINITY).bytes()), "diverged");
    }

    @Test
    void modelsWithBadVocabulariesOrFieldsAreRefused() throws IOException {
        assertEveryCommandRefuses(damaged("beyond.scribe", m -> {
            ArrayNode vocabulary = (ArrayNode) m.get("vocabulary");
            vocabulary.set(vocabulary.size() - 1, 0x110000);
        }), "vocabulary");
        assertEveryCommandRefuses(damaged("surrogate.scribe", m -> {
            ArrayNode vocabulary = (ArrayNode) m.get("vocabulary");
            vocabulary.set(vocabulary.size() - 1, 0xD800);
        }), "vocabulary");
        assertEveryCommandRefuses(damaged("negative.scribe", m -> ((ArrayNode) m.get("vocabulary")).set(0, -1)),
                "vocabulary");
        assertEveryCommandRefuses(damaged("duplicate.scribe", m -> ((ArrayNode) m.get("vocabulary"))
                .set(1, m.get("vocabulary").get(0).intValue())), "vocabulary");
        assertEveryCommandRefuses(damaged("version.scribe", m -> m.put("formatVersion", "1")), "manifest");
        assertEveryCommandRefuses(damaged("step.scribe", m -> ((ObjectNode) m.get("history")).put("step", -3)),
                "negative step");
        assertEveryCommandRefuses(write("null.scribe", model.withManifest("null").bytes()), "manifest");
        assertEveryCommandRefuses(damaged("shared.scribe", m -> {
            ArrayNode arrays = (ArrayNode) m.get("arrays");
            ((ObjectNode) arrays.get(1)).put("entry", arrays.get(0).get("entry").asText());
        }), "two arrays");
        assertEveryCommandRefuses(write("twice.scribe", model.bytesWithDuplicate(model.firstArrayEntry(), new byte[8])),
                "two entries");
        assertEveryCommandRefuses(damaged("huge.scribe", m -> ((ObjectNode) m.get("arrays").get(0)).putArray("shape")
                .add(1 << 20).add(1 << 12)), "shape");
    }

    @Test
    void benchFlagsAreRangeCheckedBeforeTheCorpusIsRead() {
        List<String[]> flags = List.of(new String[]{"--threads", "100000"}, new String[]{"--threads", "0"},
                new String[]{"--warmup", "-1"}, new String[]{"--warmup", "2000000000"},
                new String[]{"--steps", "0"}, new String[]{"--steps", "2000000000"},
                new String[]{"--seconds", "0"}, new String[]{"--seconds", "1e12"}, new String[]{"--seconds", "NaN"},
                new String[]{"--minutes", "0"}, new String[]{"--minutes", "1e12"},
                new String[]{"--hidden", "100000"}, new String[]{"--layers", "9"}, new String[]{"--batch", "0"},
                new String[]{"--seq", "100000"});
        for (String[] flag : flags) {
            Result r = scribe(concat(new String[]{"bench", "--corpus", dir.resolve("absent.txt").toString()}, flag));
            String expected = switch (flag[0]) {
                case "--hidden" -> "hidden size";
                case "--layers" -> "layers";
                case "--batch" -> "batch size";
                case "--seq" -> "sequence length";
                default -> flag[0];
            };
            assertRefused(r, expected);
            assertFalse(r.err().contains("absent.txt"), "checked before the corpus: " + r.err());
        }
    }

    @Test
    void helpIsAnsweredWithExitZeroByEveryCommand() {
        for (String command : new String[]{"", "train", "generate", "eval", "bench"}) {
            for (String help : new String[]{"--help", "-h"}) {
                Result r = command.isEmpty() ? scribe(help) : scribe(command, help);
                assertEquals(0, r.code(), command + " " + help + ": " + r.err());
                assertTrue(r.out().startsWith("Usage: scribe" + (command.isEmpty() ? "" : " " + command)), r.out());
                assertEquals("", r.err());
            }
        }
    }

    @Test
    void picocliMessagesLoseTheirOwnErrorPrefix() {
        Path m = dir.resolve("tiny.scribe");
        assertRefused(scribe("generate", "--model", m.toString(), "--greedy", "--temperature", "0.5"),
                "Give either --greedy or --temperature, not both.");
    }

    @Test
    void controlCharactersInNamesAndFieldsAreEscaped() throws IOException {
        assertRefused(ScribeCommandTest.train(dir.resolve("red" + ESC + "[31m\nfake.txt"), dir.resolve("o.scribe")),
                "red\\u001B[31m\\nfake.txt");
        assertRefused(scribe("generate", "--model", dir.resolve("m" + ESC + "[2J.scribe").toString()),
                "m\\u001B[2J.scribe");
        assertRefused(scribe("generate", "--model", damaged("engine.scribe", m -> m.put("engine", "x" + ESC + "[2J"))
                .toString()), "'x\\u001B[2J'");

        Path book = Files.copy(corpus, dir.resolve("book" + ESC + "[1m.txt"));
        Path out = dir.resolve("out" + ESC + "[1m.scribe");
        Result trained = ScribeCommandTest.train(book, out, "--steps", "2");
        assertEquals(0, trained.code(), trained.err());
        assertTrue(trained.out().startsWith("corpus book\\u001B[1m.txt:"), trained.out());
        assertTrue(trained.out().contains("saved " + dir.resolve("out\\u001B[1m.scribe")), trained.out());
        assertFalse(trained.out().contains(ESC), trained.out());

        Path renamed = damaged("renamed.scribe", m -> ((ObjectNode) m.get("corpus")).put("name", "b" + ESC + "]0;x")
                .put("sha256", "0".repeat(64)));
        Result resumed = ScribeCommandTest.train(corpus, dir.resolve("again.scribe"), "--resume", renamed.toString(),
                "--steps", "1");
        assertEquals(0, resumed.code(), resumed.err());
        assertTrue(resumed.err().startsWith("warning: the model was trained on b\\u001B]0;x"), resumed.err());
        assertFalse(resumed.err().contains(ESC) || resumed.out().contains(ESC), resumed.err());
    }
}
