package app.scribe.training;

import app.scribe.TestCorpora;
import app.scribe.corpus.Corpus;
import app.scribe.model.CharModel;
import app.scribe.model.Engines;
import app.scribe.generation.Generator;
import app.scribe.model.Hyperparameters;
import app.scribe.generation.SamplingSettings;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Generation on snapshots while the trainer runs flat out: no exception, no deadlock, only real characters. */
class GenerateWhileTrainingTest {
    @Test
    void generatingRepeatedlyDuringTrainingIsSafe() throws Exception {
        Corpus corpus = TestCorpora.shakespeareCorpus("shakespeare.txt", 60_000);
        Hyperparameters d = Hyperparameters.defaults();
        Hyperparameters hp = new Hyperparameters(32, 2, 20, 16, d.optimizer(), d.learningRate(), d.decayRate(),
                d.decayEvery(), d.clipNorm(), 0, 3);
        CharModel model = Engines.create(Engines.DEFAULT, corpus.vocabulary().size(), hp);
        Trainer trainer = new Trainer(model, corpus, TrainingPlan.forSteps(300), new TrainingHistory());
        CompletableFuture<Double> run = CompletableFuture.supplyAsync(trainer::run);
        int generated = 0;
        while (!run.isDone()) {
            CharModel snapshot = trainer.requestSnapshot().get(60, TimeUnit.SECONDS);
            String text = new Generator(snapshot, corpus.vocabulary())
                    .generate("ROMEO:", 50, SamplingSettings.plain().withTemperature(1.0), generated, c -> { }, () -> false);
            assertEquals(50, text.codePointCount(0, text.length()));
            assertTrue(corpus.vocabulary().unknownCharacters(text).isEmpty(), "only characters of the corpus: " + text);
            generated++;
        }
        double validation = run.get(60, TimeUnit.SECONDS);
        assertEquals(300, trainer.history().step());
        assertTrue(Double.isFinite(validation));
        assertTrue(generated >= 2, "generated " + generated + " times during training");
    }
}
