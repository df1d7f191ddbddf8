package app.scribe.cli;

import app.scribe.TestCorpora;
import app.scribe.cli.ScribeCommandTest.Result;
import app.scribe.model.Stepper;
import app.scribe.persistence.ModelFile;
import app.scribe.persistence.SavedModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;

import static app.scribe.cli.ScribeCommandTest.assertBadInput;
import static app.scribe.cli.ScribeCommandTest.concat;
import static app.scribe.cli.ScribeCommandTest.scribe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sampling flags of {@code generate} and the {@code eval} command, driven in-process on a tiny trained model. */
class EvalAndSamplingCommandTest {
    @TempDir
    static Path dir;
    static Path model;

    static Result generate(String... extra) {
        return scribe(concat(new String[]{"generate", "--model", model.toString()}, extra));
    }

    @BeforeAll
    static void trainOnce() throws IOException {
        Path corpus = TestCorpora.shakespeare(dir, "shakespeare.txt", 8_000);
        model = dir.resolve("tiny.scribe");
        Result r = scribe("train", "--corpus", corpus.toString(), "--out", model.toString(), "--hidden", "16",
                "--layers", "1", "--seq", "16", "--batch", "8", "--lr", "1e-2", "--steps", "20");
        assertEquals(0, r.code(), r.err());
    }

    @Test
    void topKOneGivesTheGreedyText() {
        for (String prompt : new String[]{"", "ROMEO:\nI"}) {
            Result greedy = generate("--greedy", "--length", "80", "--prompt", prompt);
            Result topOne = generate("--top-k", "1", "--length", "80", "--prompt", prompt, "--seed", "7");
            assertEquals(0, greedy.code(), greedy.err());
            assertEquals(0, topOne.code(), topOne.err());
            assertEquals(greedy.out(), topOne.out());
            assertTrue(greedy.out().startsWith(prompt));
        }
    }

    @Test
    void samplingFlagsCombineAndStayReproducible() {
        String[] flags = {"--temperature", "0.8", "--top-k", "5", "--top-p", "0.9", "--repetition-penalty", "1.3",
                "--length", "60", "--seed", "4", "--prompt", "ROMEO"};
        Result a = generate(flags);
        Result b = generate(flags);
        assertEquals(0, a.code(), a.err());
        assertEquals("", a.err());
        assertEquals(a.out(), b.out());
        assertTrue(a.out().startsWith("ROMEO"));
        assertEquals("ROMEO".length() + 60, a.out().length() - System.lineSeparator().length());
    }

    @Test
    void samplesUseConsecutiveSeedsAndAreSeparatedByABlankLine() {
        Result three = generate("--samples", "3", "--seed", "10", "--length", "40", "--prompt", "A", "--show-logprob");
        assertEquals(0, three.code(), three.err());
        String[] parts = three.out().split("\n\n(?=A)");
        assertEquals(3, parts.length, three.out());
        for (int i = 0; i < 3; i++) {
            Result one = generate("--seed", String.valueOf(10 + i), "--length", "40", "--prompt", "A",
                    "--show-logprob");
            assertEquals(one.out().strip(), parts[i].strip(), "sample " + i + " uses seed " + (10 + i));
            assertTrue(parts[i].strip().lines().reduce((x, y) -> y).orElseThrow().matches("logprob=-\\d+\\.\\d+"),
                    parts[i]);
        }
    }

    @Test
    void logprobIsTheContinuationsLogProbabilityAndBeamBeatsGreedy() throws IOException {
        SavedModel saved = new ModelFile().load(model);
        Result greedy = generate("--greedy", "--length", "30", "--prompt", "The ", "--show-logprob");
        assertEquals(0, greedy.code(), greedy.err());
        String text = greedy.out().substring(0, greedy.out().lastIndexOf("logprob="));
        String continuation = text.substring("The ".length(), text.length() - 1);
        double reported = logprob(greedy);
        assertEquals(direct(saved, "The ", continuation), reported, 1e-4);

        Result beam = generate("--beam", "4", "--length", "30", "--prompt", "The ", "--show-logprob");
        assertEquals(0, beam.code(), beam.err());
        assertTrue(logprob(beam) >= reported - 1e-9, beam.out() + " vs " + greedy.out());
        String beamText = beam.out().substring(0, beam.out().lastIndexOf("logprob="));
        assertEquals(direct(saved, "The ", beamText.substring(4, beamText.length() - 1)), logprob(beam), 1e-4);
    }

    private static double logprob(Result r) {
        List<String> lines = r.outLines();
        String last = lines.get(lines.size() - 1);
        assertTrue(last.startsWith("logprob="), r.out());
        return Double.parseDouble(last.substring("logprob=".length()));
    }

    /** The natural-log probability of {@code continuation} after {@code prompt}, stepped directly. */
    private static double direct(SavedModel saved, String prompt, String continuation) {
        Stepper stepper = saved.model().stepper();
        float[] p = null;
        for (char c : saved.vocabulary().encode(prompt)) {
            p = stepper.step(c);
        }
        double total = 0;
        for (char c : saved.vocabulary().encode(continuation)) {
            total += Math.log(p[c]);
            p = stepper.step(c);
        }
        return total;
    }

    @Test
    void stopAtEndsTheContinuationAtTheText() {
        Result full = generate("--greedy", "--length", "200", "--prompt", "To");
        String continuation = full.out().substring(2);
        String stop = continuation.contains("e") ? "e" : continuation.substring(3, 4);
        Result stopped = generate("--greedy", "--length", "200", "--prompt", "To", "--stop-at", stop);
        assertEquals(0, stopped.code(), stopped.err());
        String expected = "To" + continuation.substring(0, continuation.indexOf(stop) + stop.length());
        assertEquals(expected + System.lineSeparator(), stopped.out());

        Result sampled = generate("--length", "300", "--stop-at", " ", "--seed", "2");
        String out = sampled.out().substring(0, sampled.out().length() - System.lineSeparator().length());
        assertTrue(out.endsWith(" ") && out.indexOf(' ') == out.length() - 1, "[" + out + "]");
    }

    @Test
    void stopAtSentenceEndEndsAfterTheFirstFullStopQuestionOrExclamationMark() {
        for (int seed = 1; seed <= 5; seed++) {
            Result sampled = generate("--length", "2000", "--stop-at-sentence-end", "--seed", Integer.toString(seed));
            assertEquals(0, sampled.code(), sampled.err());
            String out = sampled.out().substring(0, sampled.out().length() - System.lineSeparator().length());
            int firstEnd = out.replaceAll("[!?]", ".").indexOf('.');
            assertTrue(firstEnd == out.length() - 1 || (firstEnd < 0 && out.length() == 2000), "[" + out + "]");
        }
    }

    @Test
    void evalReportsTheMeanOfMinusLog2P() throws IOException {
        String text = "First Citizen:\nBefore we proceed any further, hear me speak.\n";
        Path file = Files.write(dir.resolve("short.txt"), text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
        Result r = scribe("eval", "--model", model.toString(), "--text", file.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        List<String> lines = r.outLines();
        assertEquals("characters=" + text.length(), lines.get(0), "CRLF normalised to LF");
        assertTrue(lines.get(1).matches("scored " + text.length() + " characters in \\d+ ms \\(\\d+ chars/s\\)"),
                lines.get(1));
        String last = lines.get(lines.size() - 1);
        assertTrue(last.matches("bpc=\\d+\\.\\d{6}"), last);

        SavedModel saved = new ModelFile().load(model);
        Stepper stepper = saved.model().stepper();
        float[] p = stepper.step(saved.vocabulary().indexOf('\n'));
        double bits = 0;
        for (char c : saved.vocabulary().encode(text)) {
            bits += -Math.log(p[c]) / Math.log(2);
            p = stepper.step(c);
        }
        assertEquals(bits / text.length(), Double.parseDouble(last.substring(4)), 2e-6);
        String nats = lines.get(lines.size() - 2);
        assertTrue(nats.matches("nats=\\d+\\.\\d{6}"), nats);
        assertEquals(bits / text.length() * Math.log(2), Double.parseDouble(nats.substring(5)), 2e-6);

        Path one = Files.writeString(dir.resolve("one.txt"), "a");
        Result single = scribe("eval", "--model", model.toString(), "--text", one.toString());
        assertEquals(0, single.code(), single.err());
        assertEquals("characters=1", single.outLines().get(0));
    }

    @Test
    void evalSkipsUnknownCharactersAndNamesThemUnlessStrict() throws IOException {
        Path odd = Files.writeString(dir.resolve("odd.txt"), "Hello ∑ world");
        Result skipped = scribe("eval", "--model", model.toString(), "--text", odd.toString());
        assertEquals(0, skipped.code(), skipped.err());
        assertEquals(List.of("warning: skipped 1 characters the model does not know: '∑' (U+2211)"), skipped.errLines());
        List<String> lines = skipped.outLines();
        assertEquals(List.of("characters=13", "skipped=1"), lines.subList(0, 2));
        assertTrue(lines.get(2).startsWith("scored 12 characters in "), lines.get(2));
        Path without = Files.writeString(dir.resolve("without.txt"), "Hello  world");
        Result clean = scribe("eval", "--model", model.toString(), "--text", without.toString());
        assertEquals(clean.outLines().get(clean.outLines().size() - 1), lines.get(lines.size() - 1),
                "the known characters are scored as if the unknown one were not there");

        assertBadInput(scribe("eval", "--strict", "--model", model.toString(), "--text", odd.toString()),
                "odd.txt: the model does not know these characters: '∑' (U+2211). Remove them");

        StringBuilder greek = new StringBuilder("Hello ");
        for (int cp = 0x3B1; cp <= 0x3C9; cp++) {
            greek.appendCodePoint(cp).appendCodePoint(cp);
        }
        Path many = Files.writeString(dir.resolve("greek.txt"), greek.append(" world").toString());
        Result named = scribe("eval", "--model", model.toString(), "--text", many.toString());
        assertEquals(0, named.code(), named.err());
        String warning = named.errLines().get(0);
        assertTrue(warning.startsWith("warning: skipped 50 characters the model does not know: 'α' (U+03B1) 'β' (U+03B2) "),
                warning);
        assertTrue(warning.endsWith(" 'τ' (U+03C4) and 5 more"), warning);
        assertBadInput(scribe("eval", "--strict", "--model", model.toString(), "--text", many.toString()),
                "'τ' (U+03C4) and 5 more.");
    }

    @Test
    void evalRefusesMissingAndEmptyFiles() throws IOException {
        assertBadInput(scribe("eval", "--model", model.toString(), "--text", dir.resolve("none.txt").toString()),
                "none.txt does not exist");
        Path empty = Files.write(dir.resolve("empty.txt"), new byte[0]);
        assertBadInput(scribe("eval", "--model", model.toString(), "--text", empty.toString()), "no characters");
        assertBadInput(scribe("eval", "--text", empty.toString()), "--model");
    }

    @Test
    void longWorkShowsProgressOnStderrWhileStdoutStaysTheSame() throws IOException {
        Path longText = Files.writeString(dir.resolve("long.txt"),
                Files.readString(dir.resolve("shakespeare.txt")).repeat(25));
        Result quietEval = scribe("eval", "--model", model.toString(), "--text", longText.toString());
        String[] beam = {"--beam", "8", "--length", "3000", "--prompt", "The "};
        String[] sampled = {"--samples", "3", "--length", "20000", "--seed", "3"};
        Result quietBeam = generate(beam);
        Result quietSamples = generate(sampled);
        for (Result quiet : List.of(quietEval, quietBeam, quietSamples)) {
            assertEquals(0, quiet.code(), quiet.err());
        }

        String previous = System.setProperty(ProgressReporter.INTERVAL_PROPERTY, "1");
        try {
            Result eval = scribe("eval", "--model", model.toString(), "--text", longText.toString());
            assertProgress(eval, "scoring");
            List<String> out = eval.outLines();
            assertTrue(out.get(out.size() - 1).matches("bpc=\\d+\\.\\d{6}"), eval.out());
            assertEquals(quietEval.outLines().get(out.size() - 1), out.get(out.size() - 1));

            Result searched = generate(beam);
            assertProgress(searched, "beam search");
            assertEquals(quietBeam.out(), searched.out());
            Result samples = generate(sampled);
            assertProgress(samples, "sampling");
            assertEquals(quietSamples.out(), samples.out());
        } finally {
            if (previous == null) {
                System.clearProperty(ProgressReporter.INTERVAL_PROPERTY);
            } else {
                System.setProperty(ProgressReporter.INTERVAL_PROPERTY, previous);
            }
        }
    }

    /** Progress lines (percent, elapsed, ETA) on stderr, ending with how long the work took. */
    private static void assertProgress(Result r, String what) {
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.errLines();
        assertTrue(lines.size() >= 2, r.err());
        for (String line : lines.subList(0, lines.size() - 1)) {
            assertTrue(line.matches(what + ": \\d{1,3}%, \\d+:\\d\\d elapsed, ETA (\\d+:\\d\\d(:\\d\\d)?|\\?)"), line);
        }
        assertTrue(lines.get(lines.size() - 1).matches(what + ": done in \\d+:\\d\\d"), r.err());
    }

    @Test
    void evalComposesAccentsLikeTheCorpusAndTrainingCountsInvalidBytes() throws IOException {
        byte[] book = "Une crème brûlée au café, très bien. ".repeat(30).getBytes(StandardCharsets.UTF_8);
        Path corpus = Files.write(dir.resolve("cafe.txt"), concatBytes(book, new byte[]{(byte) 0xE9, '.'}, book));
        Path cafe = dir.resolve("cafe.scribe");
        Result trained = scribe("train", "--corpus", corpus.toString(), "--out", cafe.toString(), "--hidden", "8",
                "--layers", "1", "--seq", "8", "--batch", "4", "--steps", "2");
        assertEquals(0, trained.code(), trained.err());
        assertTrue((trained.out() + trained.err()).contains(
                "distinct, UTF-8, 1 invalid byte sequence read as U+FFFD"), trained.out() + trained.err());

        String text = "Un café, une crème.";
        Path composed = Files.writeString(dir.resolve("composed.txt"), text);
        Path decomposed = Files.writeString(dir.resolve("decomposed.txt"),
                Normalizer.normalize(text, Normalizer.Form.NFD));
        Result a = scribe("eval", "--model", cafe.toString(), "--text", composed.toString());
        Result b = scribe("eval", "--model", cafe.toString(), "--text", decomposed.toString());
        assertEquals(0, a.code(), a.err());
        assertEquals(0, b.code(), b.err());
        assertEquals(bpcLine(a), bpcLine(b), "the same text, however its accents are written");
    }

    private static String bpcLine(Result r) {
        return r.out().lines().filter(l -> l.startsWith("bpc=")).findFirst().orElseThrow();
    }

    private static byte[] concatBytes(byte[]... parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.writeBytes(part);
        }
        return all.toByteArray();
    }

    @Test
    void badFlagsExitTwoWithOneErrorLine() {
        assertBadInput(generate("--top-k", "0"), "Top-k must be between 1 and 4096");
        assertBadInput(generate("--top-p", "1.5"), "Top-p must be above 0 and at most 1");
        assertBadInput(generate("--top-p", "0"), "top-p");
        assertBadInput(generate("--repetition-penalty", "0.5"), "Repetition penalty must be between 1 and 10");
        assertBadInput(generate("--beam", "0"), "Beam width must be between 1");
        assertBadInput(generate("--samples", "0"), "--samples must be between 1");
        assertBadInput(generate("--beam", "3", "--top-k", "2"), "--beam");
        assertBadInput(generate("--greedy", "--top-p", "0.5"), "--greedy");
        assertBadInput(generate("--beam", "3", "--greedy"), "Give either --greedy or --beam, not both.");
        assertBadInput(generate("--top-k", "x"), "--top-k");
        assertBadInput(generate("--greedy", "--temperature", "0.5"), "not both");
        assertBadInput(generate("--temperature", "0"), "Temperature must be above 0");
        assertBadInput(generate("--length", "0"), "Length must be between 1");
        assertBadInput(generate("--beam", "2", "--length", "0"), "Length must be between 1");
        assertBadInput(scribe(), "train, generate, eval, complete, bench, lab, library, paths or serve");
    }

    @Test
    void topKAndTopPChangeNothingAtTheirNeutralValues() {
        Result plain = generate("--length", "50", "--seed", "9");
        Result neutral = generate("--length", "50", "--seed", "9", "--top-p", "1", "--top-k", "4096",
                "--repetition-penalty", "1");
        assertEquals(plain.out(), neutral.out());
        Result narrowed = generate("--length", "200", "--seed", "9", "--top-k", "2");
        assertNotEquals(plain.out(), narrowed.out());
    }
}
