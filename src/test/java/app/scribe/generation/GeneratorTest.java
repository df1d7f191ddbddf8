package app.scribe.generation;

import app.scribe.engine.dl4j.Dl4jCharModel;
import app.scribe.model.CharModel;
import app.scribe.model.Engines;
import app.scribe.model.Hyperparameters;
import app.scribe.model.Optimizer;
import app.scribe.model.ParameterSet;
import app.scribe.model.Stepper;

import app.scribe.ScribeException;
import app.scribe.corpus.Batch;
import app.scribe.corpus.Vocabulary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

public class GeneratorTest {
    public static final String TEXT = "The quick brown fox jumps over the lazy dog.\nPack my box with five dozen liquor jugs!\n";
    public static final Vocabulary VOCAB = Vocabulary.of(TEXT);
    static Dl4jCharModel model;

    @BeforeAll
    static void buildModel() {
        model = new Dl4jCharModel(VOCAB.size(), small(11));
    }

    public static Hyperparameters small(long seed) {
        return new Hyperparameters(24, 1, 16, 4, Optimizer.RMSPROP, 2e-3, 0.95, 1000, 5, 0, seed);
    }

    /** A model whose next-character choice is a function of every character it has been fed, recording the feed. */
    static final class HistoryModel implements CharModel {
        final int vocab;
        final List<Integer> fed = new ArrayList<>();

        HistoryModel(int vocab) {
            this.vocab = vocab;
        }

        @Override
        public Stepper stepper() {
            return new Stepper() {
                long hash = 17;
                final float[] p = new float[vocab];

                @Override
                public float[] step(int charIndex) {
                    fed.add(charIndex);
                    hash = hash * 31 + charIndex + 1;
                    Arrays.fill(p, 0);
                    p[(int) Math.floorMod(hash, (long) vocab)] = 1;
                    return p;
                }

                @Override
                public Stepper copy() {
                    throw new UnsupportedOperationException();
                }

                @Override
                public void cellState(int layer, float[] out) {
                    throw new UnsupportedOperationException();
                }
            };
        }

        @Override public String engine() { return "history"; }
        @Override public int vocabSize() { return vocab; }
        @Override public Hyperparameters hyperparameters() { return small(1); }
        @Override public double train(Batch batch, double learningRate) { throw new UnsupportedOperationException(); }
        @Override public double loss(Batch batch) { throw new UnsupportedOperationException(); }
        @Override public ParameterSet parameters() { throw new UnsupportedOperationException(); }
        @Override public void load(ParameterSet parameters) { throw new UnsupportedOperationException(); }
        @Override public CharModel copy() { throw new UnsupportedOperationException(); }
    }

    @Test
    void sameSeedGivesSameTextAndOtherSeedsOtherText() {
        Generator generator = new Generator(model, VOCAB);
        SamplingSettings sampler = SamplingSettings.plain();
        String a = generator.generate("The ", 200, sampler, 5, ch -> { }, () -> false);
        String b = generator.generate("The ", 200, sampler, 5, ch -> { }, () -> false);
        String c = generator.generate("The ", 200, sampler, 6, ch -> { }, () -> false);
        assertEquals(200, a.codePointCount(0, a.length()));
        assertEquals(a, b);
        assertNotEquals(a, c);
        // A copy of the model generates the same text: the copy is deep and the seed decides everything.
        assertEquals(a, new Generator(model.copy(), VOCAB).generate("The ", 200, sampler, 5, ch -> { }, () -> false));
        // A model built with the same settings and seed is the same model.
        assertEquals(a, new Generator(new Dl4jCharModel(VOCAB.size(), small(11)), VOCAB)
                .generate("The ", 200, sampler, 5, ch -> { }, () -> false));
    }

    @Test
    void greedyGenerationIsDeterministicWhateverTheSeed() {
        Generator generator = new Generator(model, VOCAB);
        assertEquals(generator.generate("fox", 50, SamplingSettings.greedy(), 1, ch -> { }, () -> false),
                generator.generate("fox", 50, SamplingSettings.greedy(), 2, ch -> { }, () -> false));
    }

    @Test
    void theModelStateCarriesThroughThePrompt() {
        // Two prompts ending in the same character give different next-character distributions.
        float[] afterQuick = feed(model.stepper(), "The quick ");
        float[] afterLazy = feed(model.stepper(), "the lazy ");
        float[] afterSpace = feed(model.stepper(), " ");
        assertFalse(Arrays.equals(afterQuick, afterLazy));
        assertFalse(Arrays.equals(afterQuick, afterSpace));
        assertArrayEquals(afterQuick, feed(model.stepper(), "The quick "), 0f, "a fresh stepper starts from zeros");
        double sum = 0;
        for (float p : afterQuick) {
            sum += p;
        }
        assertEquals(1.0, sum, 1e-4);
    }

    @Test
    void generatorFeedsTheWholePromptThenSamplesFromTheFinalState() {
        HistoryModel fake = new HistoryModel(VOCAB.size());
        Generator generator = new Generator(fake, VOCAB);
        List<String> streamed = new ArrayList<>();
        String out = generator.generate("dog", 5, SamplingSettings.greedy(), 1, streamed::add, () -> false);
        char[] prompt = VOCAB.encode("dog");
        assertEquals(List.of((int) prompt[0], (int) prompt[1], (int) prompt[2]), fake.fed.subList(0, 3));
        // Each generated character is fed back in turn.
        assertEquals(3 + 5, fake.fed.size());
        for (int i = 0; i < 5; i++) {
            assertEquals(VOCAB.charAt(fake.fed.get(3 + i)), out.substring(i, i + 1));
        }
        assertEquals(out, String.join("", streamed), "the sink sees each character as it comes");

        String other = new Generator(new HistoryModel(VOCAB.size()), VOCAB)
                .generate("log", 5, SamplingSettings.greedy(), 1, ch -> { }, () -> false);
        assertNotEquals(out, other, "the first prompt character matters, not only the last");
    }

    @Test
    void emptyPromptStartsAfterANewline() {
        HistoryModel fake = new HistoryModel(VOCAB.size());
        new Generator(fake, VOCAB).generate("", 3, SamplingSettings.greedy(), 1, ch -> { }, () -> false);
        assertEquals(VOCAB.indexOf('\n'), fake.fed.get(0));
    }

    @Test
    void cancellingStopsGeneration() {
        AtomicInteger produced = new AtomicInteger();
        String out = new Generator(model, VOCAB).generate("The", 1000, SamplingSettings.plain().withTemperature(1), 3,
                ch -> produced.incrementAndGet(), () -> produced.get() >= 7);
        assertEquals(7, out.length());
    }

    @Test
    void unknownPromptCharactersAreNamed() {
        Generator generator = new Generator(model, VOCAB);
        ScribeException e = assertThrows(ScribeException.class,
                () -> generator.generate("Zebra Ω", 10, SamplingSettings.greedy(), 1, ch -> { }, () -> false));
        assertTrue(e.getMessage().contains("'Z'") && e.getMessage().contains("'Ω'"), e.getMessage());
        assertFalse(e.getMessage().contains("'e'"), e.getMessage());
    }

    @Test
    void lengthOutsideItsRangeIsRefused() {
        Generator generator = new Generator(model, VOCAB);
        ScribeException e = assertThrows(ScribeException.class,
                () -> generator.generate("The", 0, SamplingSettings.greedy(), 1, ch -> { }, () -> false));
        assertTrue(e.getMessage().contains("between 1 and"), e.getMessage());
        assertThrows(ScribeException.class, () -> generator.encodePrompt("a".repeat(Generator.MAX_PROMPT_CHARS + 1)));
    }

    @Test
    void aPromptOfTheMaximumLengthIsCarriedThroughAndOneMoreCharacterIsRefusedWithTheLimit() {
        String longest = TEXT.repeat(Generator.MAX_PROMPT_CHARS / TEXT.length() + 1).substring(0, Generator.MAX_PROMPT_CHARS);
        HistoryModel recorder = new HistoryModel(VOCAB.size());
        new Generator(recorder, VOCAB).generate(longest, 5, SamplingSettings.greedy(), 1, ch -> { }, () -> false);
        char[] encoded = VOCAB.encode(longest);
        for (int i = 0; i < encoded.length; i++) {
            assertEquals(encoded[i], recorder.fed.get(i), "prompt character " + i + " is fed in order");
        }
        assertTrue(recorder.fed.size() > Generator.MAX_PROMPT_CHARS, "then the sampled characters");

        CharModel real = Engines.create(Engines.DEFAULT, VOCAB.size(), small(11));
        String text = new Generator(real, VOCAB).generate(longest, 50, SamplingSettings.plain().withTemperature(1.0), 2, ch -> { }, () -> false);
        assertEquals(50, text.length());

        ScribeException e = assertThrows(ScribeException.class, () -> new Generator(real, VOCAB)
                .generate(longest + "T", 5, SamplingSettings.greedy(), 1, ch -> { }, () -> false));
        assertTrue(e.getMessage().contains("100001") && e.getMessage().contains("limit is 100000"), e.getMessage());
    }

    @Test
    void controlCharactersInAPromptAreNamedByCodePoint() {
        Generator generator = new Generator(model, VOCAB);
        ScribeException e = assertThrows(ScribeException.class,
                () -> generator.generate("The\u0007 fox\u0000\u001b", 10, SamplingSettings.greedy(), 1, ch -> { }, () -> false));
        assertTrue(e.getMessage().contains("U+0007") && e.getMessage().contains("U+0000")
                && e.getMessage().contains("U+001B"), e.getMessage());

        Vocabulary withTab = Vocabulary.of(TEXT + "\t");
        CharModel tabModel = Engines.create(Engines.DEFAULT, withTab.size(), small(3));
        String text = new Generator(tabModel, withTab).generate("The\tfox", 10, SamplingSettings.greedy(), 1, ch -> { }, () -> false);
        assertEquals(10, text.length(), "a control character the model knows is an ordinary prompt character");
    }

    public static float[] feed(Stepper stepper, String text) {
        float[] p = null;
        for (char c : VOCAB.encode(text)) {
            p = stepper.step(c);
        }
        return p.clone();
    }
}
