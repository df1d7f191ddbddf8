package app.scribe.analysis;

import app.scribe.ScribeException;
import app.scribe.corpus.Vocabulary;
import app.scribe.model.CharModel;
import app.scribe.model.Hyperparameters;
import app.scribe.model.Optimizer;
import app.scribe.generation.SamplingSettings;
import app.scribe.model.Stepper;
import app.scribe.engine.fast.FastCharModel;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TracerTest {
    static final String TEXT =
            "The quick brown fox jumps over the lazy dog.\n\"Pack my box with five dozen liquor jugs!\"\n";
    static final Vocabulary VOCAB = Vocabulary.of(TEXT);
    static final CharModel MODEL = new FastCharModel(VOCAB.size(),
            new Hyperparameters(12, 2, 16, 4, Optimizer.ADAM, 1e-2, 0.96, 5000, 5.0, 0.0, 3));

    /** The probability distributions a stepper gives before each character of {@code text}, after {@code first}. */
    static float[][] byHand(String first, String text) {
        Stepper stepper = MODEL.stepper();
        float[] p = null;
        for (char c : VOCAB.encode(first)) {
            p = stepper.step(c);
        }
        char[] encoded = VOCAB.encode(text);
        float[][] out = new float[encoded.length][];
        for (int i = 0; i < encoded.length; i++) {
            out[i] = p.clone();
            p = stepper.step(encoded[i]);
        }
        return out;
    }

    @Test
    void bitsPerCharacterIsTheMeanOfMinusLog2PByHand() {
        String text = "The lazy fox jumps.\n";
        for (String context : new String[]{"", "Pack my box "}) {
            float[][] p = byHand(context.isEmpty() ? "\n" : context, text);
            char[] encoded = VOCAB.encode(text);
            double bits = 0;
            TextTrace trace = new Tracer(MODEL, VOCAB).trace(context, text, false);
            for (int i = 0; i < encoded.length; i++) {
                double surprise = -Math.log(p[i][encoded[i]]) / Math.log(2);
                bits += surprise;
                assertEquals(p[i][encoded[i]], trace.probability(i), "position " + i);
                assertEquals(surprise, trace.surprise(i), 1e-12, "position " + i);
            }
            TextScore score = trace.score();
            assertEquals(bits / encoded.length, score.bitsPerCharacter(), 1e-12);
            assertEquals(encoded.length, score.known());
            assertEquals(0, score.unknown());
            TextScore streamed = new Tracer(MODEL, VOCAB).score(context, text);
            assertEquals(score.logProbability(), streamed.logProbability(), 1e-9);
            assertEquals(score.known(), streamed.known());
        }
    }

    @Test
    void alternativesAreTheTopFiveMostLikelyFirst() {
        String text = "Pack my box with five dozen liquor jugs!";
        float[][] p = byHand("\n", text);
        TextTrace trace = new Tracer(MODEL, VOCAB).trace("", text, false);
        for (int i = 0; i < p.length; i++) {
            List<TextTrace.Alternative> alternatives = trace.alternatives(i);
            assertEquals(Tracer.ALTERNATIVES, alternatives.size());
            assertEquals(SamplingSettings.argmax(p[i]), alternatives.get(0).index(), "position " + i);
            for (int k = 0; k < alternatives.size(); k++) {
                TextTrace.Alternative a = alternatives.get(k);
                assertEquals(p[i][a.index()], a.probability());
                if (k > 0) {
                    assertTrue(alternatives.get(k - 1).probability() >= a.probability(), "sorted at " + i);
                }
            }
            float fifth = alternatives.get(4).probability();
            long above = 0;
            for (float q : p[i]) {
                above += q > fifth ? 1 : 0;
            }
            assertTrue(above <= 4, "nothing outside the five is likelier, position " + i);
        }
    }

    @Test
    void topBreaksTiesTowardsTheLowerIndexAndCopesWithSmallVocabularies() {
        int[] indices = new int[3];
        float[] probabilities = new float[3];
        Tracer.top(new float[]{0.2f, 0.3f, 0.2f, 0.3f}, 3, indices, probabilities, 0);
        assertArrayEquals(new int[]{1, 3, 0}, indices);
        assertArrayEquals(new float[]{0.3f, 0.3f, 0.2f}, probabilities);
    }

    @Test
    void unknownCharactersAreMarkedSkippedAndCounted() {
        String text = "The Zfox jumpsΩ over.";
        TextTrace trace = new Tracer(MODEL, VOCAB).trace("", text, false);
        TextTrace clean = new Tracer(MODEL, VOCAB).trace("", "The fox jumps over.", false);
        assertEquals(text.codePointCount(0, text.length()), trace.length());
        TextScore score = trace.score();
        assertEquals(2, score.unknown());
        assertEquals(clean.length(), score.known());
        assertEquals(trace.length(), score.characters());
        int z = text.indexOf('Z');
        assertFalse(trace.known(z));
        assertTrue(Float.isNaN(trace.probability(z)));
        assertTrue(Double.isNaN(trace.surprise(z)));
        // Skipped characters leave the state alone: the known ones score as in the text without them.
        assertEquals(clean.score().logProbability(), score.logProbability(), 1e-9);
        assertEquals(clean.score().bitsPerCharacter(), score.bitsPerCharacter(), 1e-12);
        assertEquals(clean.probability(4), trace.probability(5), "the f after the skipped Z");
        TextScore streamed = new Tracer(MODEL, VOCAB).score("", text);
        assertEquals(2, streamed.unknown());
        assertEquals(score.logProbability(), streamed.logProbability(), 1e-9);
    }

    @Test
    void cellStatesAreTheSteppersAfterEachCharacter() {
        String text = "fox?dog";
        TextTrace trace = new Tracer(MODEL, VOCAB).trace("", text, true);
        Stepper stepper = MODEL.stepper();
        stepper.step(VOCAB.indexOf('\n'));
        int hidden = MODEL.hyperparameters().hiddenSize();
        float[] cell = new float[hidden];
        for (int i = 0; i < text.length(); i++) {
            int index = VOCAB.indexOf(text.charAt(i));
            if (index >= 0) {
                stepper.step(index);
            }
            for (int l = 0; l < 2; l++) {
                stepper.cellState(l, cell);
                for (int u = 0; u < hidden; u++) {
                    assertEquals(cell[u], trace.cell(i, l, u), "position " + i + " layer " + l + " unit " + u);
                }
            }
        }
        float[][] rows = trace.cellStates();
        assertArrayEquals(rows[2], rows[3], "an unknown character leaves the cells as they were");
        assertFalse(new Tracer(MODEL, VOCAB).trace("", text, false).hasCellStates());
    }

    @Test
    void tracesAreImmutable() {
        TextTrace trace = new Tracer(MODEL, VOCAB).trace("", "fox", true);
        trace.probabilities()[0] = 2;
        trace.cellStates()[0][0] = 99;
        assertTrue(trace.probability(0) < 1);
        assertTrue(trace.cell(0, 0, 0) != 99);
    }

    @Test
    void oversizedTextsAndUnknownContextsAreRefused() {
        Tracer tracer = new Tracer(MODEL, VOCAB);
        ScribeException tooLong = assertThrows(ScribeException.class,
                () -> tracer.trace("", "a".repeat(Tracer.MAX_CHARACTERS + 1), false));
        assertTrue(tooLong.getMessage().contains("1,000,000"), tooLong.getMessage());
        CharModel wide = new FastCharModel(VOCAB.size(),
                new Hyperparameters(512, 3, 16, 4, Optimizer.ADAM, 1e-2, 0.96, 5000, 5.0, 0.0, 3));
        ScribeException cells = assertThrows(ScribeException.class,
                () -> new Tracer(wide, VOCAB).trace("", "a".repeat(50_000), true));
        assertTrue(cells.getMessage().contains("with cell states"), cells.getMessage());
        ScribeException context = assertThrows(ScribeException.class, () -> tracer.trace("Zebra", "fox", false));
        assertTrue(context.getMessage().contains("'Z'"), context.getMessage());
    }

    @Test
    void anEmptyTextGivesAnEmptyTrace() {
        TextTrace trace = new Tracer(MODEL, VOCAB).trace("fox", "", true);
        assertEquals(0, trace.length());
        assertTrue(Double.isNaN(trace.score().bitsPerCharacter()));
    }

    @Test
    void aCancelledTraceStopsEarlyWithThePartReadSoFar() {
        String text = TEXT.repeat(20);
        int n = text.length();
        long[] reported = new long[2];
        Tracer tracer = new Tracer(MODEL, VOCAB);
        TextTrace stopped = tracer.trace("", text, true, (done, total) -> {
            reported[0] = done;
            reported[1] = total;
        }, () -> reported[0] >= 100);
        assertEquals(100, stopped.length(), "stopped at the first check after 100 characters of " + n);
        assertEquals(100, reported[0]);
        assertEquals(n, reported[1]);
        TextTrace full = tracer.trace("", text, true);
        assertEquals(text.substring(0, 100), stopped.text());
        for (int i = 0; i < 100; i++) {
            assertEquals(full.probability(i), stopped.probability(i), "position " + i);
            assertEquals(full.alternatives(i), stopped.alternatives(i), "position " + i);
            assertEquals(full.cell(i, 1, 3), stopped.cell(i, 1, 3), "position " + i);
        }

        long[] scored = new long[2];
        tracer.score("", text, (done, total) -> {
            scored[0] = done;
            scored[1] = total;
        });
        assertEquals(n, scored[0], "scoring reports up to the whole text");
        assertEquals(n, scored[1]);
    }
}
