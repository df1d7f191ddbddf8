package app.scribe.engine.dl4j;

import app.scribe.generation.GeneratorTest;
import app.scribe.model.CharModel;

import app.scribe.corpus.Batch;
import app.scribe.corpus.Vocabulary;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Dl4jCharModelTest {
    private static final Vocabulary VOCAB = GeneratorTest.VOCAB;

    private static Batch batch() {
        char[] text = VOCAB.encode(GeneratorTest.TEXT);
        int seq = 16;
        int[] inputs = new int[2 * seq];
        int[] targets = new int[2 * seq];
        for (int b = 0; b < 2; b++) {
            for (int t = 0; t < seq; t++) {
                inputs[b * seq + t] = text[b * 30 + t];
                targets[b * seq + t] = text[b * 30 + t + 1];
            }
        }
        return new Batch(2, seq, inputs, targets);
    }

    @Test
    void untrainedLossIsNearUniformAndTrainingLowersIt() {
        Dl4jCharModel model = new Dl4jCharModel(VOCAB.size(), GeneratorTest.small(3));
        Batch batch = batch();
        double before = model.loss(batch);
        assertEquals(Math.log(VOCAB.size()), before, 0.3);
        double firstReported = model.train(batch, 1e-2);
        assertEquals(before, firstReported, 1e-3, "train reports the loss before the step, per character");
        for (int i = 0; i < 60; i++) {
            model.train(batch, 1e-2);
        }
        assertTrue(model.loss(batch) < before - 1.0, "loss " + model.loss(batch) + " vs " + before);
    }

    @Test
    void parametersRoundTripAndCopiesAreIndependent() {
        Dl4jCharModel a = new Dl4jCharModel(VOCAB.size(), GeneratorTest.small(3));
        Dl4jCharModel b = new Dl4jCharModel(VOCAB.size(), GeneratorTest.small(99));
        Batch batch = batch();
        a.train(batch, 1e-2);
        CharModel snapshot = a.copy();
        b.load(a.parameters());
        assertEquals(a.loss(batch), b.loss(batch), 1e-6);
        float[] pa = GeneratorTest.feed(a.stepper(), "The quick");
        assertArrayEquals(pa, GeneratorTest.feed(b.stepper(), "The quick"), 1e-6f);
        a.train(batch, 1e-2);
        assertFalse(Arrays.equals(pa, GeneratorTest.feed(a.stepper(), "The quick")), "a changed");
        assertArrayEquals(pa, GeneratorTest.feed(snapshot.stepper(), "The quick"), 1e-6f, "its copy did not");
        assertTrue(a.parameters().arrays().containsKey("updater"), "optimizer state is saved");
    }
}
