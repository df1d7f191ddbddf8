package app.scribe.persistence;

import app.scribe.TestCorpora;
import app.scribe.corpus.Corpus;
import app.scribe.corpus.CorpusInfo;
import app.scribe.model.CharModel;
import app.scribe.model.Engines;
import app.scribe.model.Hyperparameters;
import app.scribe.model.Optimizer;
import app.scribe.training.CheckpointPolicy;
import app.scribe.training.CheckpointSink;
import app.scribe.training.Trainer;
import app.scribe.training.TrainingHistory;
import app.scribe.training.TrainingPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckpointWriterTest {
    @TempDir
    Path dir;

    private static Corpus corpus() throws IOException {
        return TestCorpora.shakespeareCorpus("shakespeare-20k.txt", 20_000);
    }

    private static Trainer trainer(Corpus corpus, long steps) {
        CharModel model = Engines.create(Engines.DEFAULT, corpus.vocabulary().size(),
                new Hyperparameters(16, 1, 16, 8, Optimizer.ADAM, 5e-3, 0.95, 10_000, 5, 0, 5));
        return new Trainer(model, corpus, new TrainingPlan(steps, 0, 10, 1000, 5, 5, 0), new TrainingHistory());
    }

    @Test
    void latestAndBestCheckpointsAreWrittenAndLoad() throws IOException {
        Corpus corpus = corpus();
        Trainer trainer = trainer(corpus, 25);
        Path latest = dir.resolve("run.scribe");
        List<CheckpointWriter.Written> written = new CopyOnWriteArrayList<>();
        List<String> failures = new CopyOnWriteArrayList<>();
        try (CheckpointWriter writer = new CheckpointWriter(latest, corpus.vocabulary(), CorpusInfo.of(corpus),
                written::add, failures::add)) {
            trainer.setCheckpoints(new CheckpointPolicy(10, 0, true), writer);
            trainer.run();
        }
        assertEquals(List.of(), failures);
        ModelFile files = new ModelFile();
        SavedModel last = files.load(latest);
        assertEquals(25, last.history().step(), "the latest checkpoint is the end of the run");
        Path bestFile = dir.resolve("run.best.scribe");
        assertEquals(bestFile, CheckpointWriter.bestPathFor(latest));
        SavedModel best = files.load(bestFile);
        TrainingHistory.Point bestPoint = trainer.history().bestValidation();
        assertEquals(bestPoint.step(), best.history().step(), "the best checkpoint is the model at the best validation");
        assertEquals(bestPoint, best.history().validationLoss().get(best.history().validationLoss().size() - 1));
        assertTrue(written.stream().anyMatch(w -> w.kind() == CheckpointSink.Kind.BEST));
    }

    @Test
    void aFailedCheckpointIsReportedAndTrainingGoesOn() throws IOException {
        Corpus corpus = corpus();
        Path notAFolder = Files.writeString(dir.resolve("file"), "x");
        Trainer trainer = trainer(corpus, 12);
        List<String> failures = new CopyOnWriteArrayList<>();
        try (CheckpointWriter writer = new CheckpointWriter(notAFolder.resolve("run.scribe"), corpus.vocabulary(),
                CorpusInfo.of(corpus), w -> { }, failures::add)) {
            trainer.setCheckpoints(new CheckpointPolicy(5, 0, true), writer);
            trainer.run();
        }
        assertEquals(12, trainer.history().step());
        assertEquals(1, failures.size(), "one warning, not one per checkpoint (issue 23, item 18): " + failures);
        assertTrue(failures.get(0).startsWith("Could not write the"), failures.get(0));
        assertTrue(failures.stream().allMatch(f -> f.contains("file")), failures.toString());
    }
}
