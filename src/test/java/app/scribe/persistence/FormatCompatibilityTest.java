package app.scribe.persistence;

import app.scribe.corpus.Normalization;
import app.scribe.model.Generator;
import app.scribe.model.Sampler;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every released model format stays loadable: the committed file of format version 1 (a 1 x 32 model trained 400
 * steps on Tiny Shakespeare) must load with its settings, history and behaviour.
 */
class FormatCompatibilityTest {
    @Test
    void formatVersionOneLoadsForever() throws URISyntaxException {
        Path file = Path.of(FormatCompatibilityTest.class.getResource("/models/format-v1.scribe").toURI());
        SavedModel saved = new ModelFile().load(file);
        assertEquals(32, saved.model().hyperparameters().hiddenSize());
        assertEquals(1, saved.model().hyperparameters().layers());
        assertEquals(58, saved.vocabulary().size());
        assertEquals(Normalization.NONE, saved.vocabulary().normalization(), "written before text was normalised");
        assertEquals(400, saved.history().step());
        assertEquals(20, saved.history().validationLoss().size());
        assertEquals("ts30k.txt", saved.corpus().name());
        String text = new Generator(saved.model(), saved.vocabulary())
                .generate("First ", 30, Sampler.greedy(), 1, c -> { }, () -> false);
        assertEquals("the the the the the the the th", text);
    }
}
