package app.scribe.training;

import app.scribe.TestCorpora;
import app.scribe.ScribeException;
import app.scribe.corpus.Corpus;
import app.scribe.corpus.CorpusInfo;
import app.scribe.corpus.CorpusReader;
import app.scribe.model.CellType;
import app.scribe.model.CharModel;
import app.scribe.model.Engines;
import app.scribe.model.Hyperparameters;
import app.scribe.model.Optimizer;
import app.scribe.persistence.ModelFile;
import app.scribe.persistence.SavedModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainerTest {
        static Corpus small;

    @TempDir
    Path dir;

    @BeforeAll
    static void readSmallCorpus() throws IOException {
        small = TestCorpora.shakespeareCorpus("shakespeare-20k.txt", 20_000);
    }

    static Hyperparameters tiny(Optimizer optimizer) {
        return new Hyperparameters(16, 1, 16, 8, optimizer, 5e-3, 0.95, 10_000, 5, 0, 5);
    }

    static CharModel model(Corpus corpus, Hyperparameters hp) {
        return Engines.create(Engines.DEFAULT, corpus.vocabulary().size(), hp);
    }

    @Test
    @Tag("slow")
    void realTrainingBeatsTheUnigramEntropy() throws IOException {
        byte[] bytes = TestCorpora.start("vanity_fair.txt", 400_000);
        Corpus corpus = new CorpusReader().fromBytes("vanity_fair-400k.txt", bytes);
        assertTrue(corpus.strippedGutenberg());
        Hyperparameters hp = new Hyperparameters(64, 2, 30, 32, Optimizer.RMSPROP, 2e-3, 0.96, 5000, 5.0, 0, 42);
        CharModel model = model(corpus, hp);
        Trainer trainer = new Trainer(model, corpus, TrainingPlan.forSteps(300), new TrainingHistory());
        List<TrainingEvent> events = new CopyOnWriteArrayList<>();
        trainer.addListener(events::add);
        double validation = trainer.run();

        double entropy = corpus.unigramEntropy();
        assertTrue(validation < entropy - 0.3,
                "validation loss " + validation + " should be well below the unigram entropy " + entropy);
        TrainingHistory history = trainer.history();
        assertEquals(300, history.step());
        assertEquals(validation, history.lastValidationLoss());
        List<TrainingHistory.Point> curve = history.validationLoss();
        assertTrue(curve.get(0).loss() > validation + 0.2, "the validation loss fell: " + curve);
        assertEquals(300, curve.get(curve.size() - 1).step());
        assertTrue(history.trainingLoss().size() > 10);
        assertTrue(history.samples().size() >= 10);
        assertInstanceOf(TrainingEvent.Finished.class, events.get(events.size() - 1));
        assertEquals(300, events.stream().filter(e -> e instanceof TrainingEvent.Progress).count());
    }

    @Test
    void stopFromAListenerEndsTheRunAtThatStep() {
        Trainer trainer = new Trainer(model(small, tiny(Optimizer.RMSPROP)), small, TrainingPlan.forSteps(1000),
                new TrainingHistory());
        AtomicReference<TrainingEvent.Finished> finished = new AtomicReference<>();
        trainer.addListener(e -> {
            if (e instanceof TrainingEvent.Progress p && p.step() == 12) {
                trainer.stop();
            } else if (e instanceof TrainingEvent.Finished f) {
                finished.set(f);
            }
        });
        Double loss = trainer.run();
        long step = trainer.history().step();
        assertTrue(step == 12 || step == 13, "stopped at " + step);
        assertNotNull(loss);
        assertEquals(step, trainer.history().validationLoss().get(trainer.history().validationLoss().size() - 1).step(),
                "a stopped run is still measured at its last step");
        assertEquals("stopped by the user", finished.get().reason());
    }

    @Test
    void pauseHoldsTheRunAndResumeFinishesIt() throws Exception {
        Trainer trainer = new Trainer(model(small, tiny(Optimizer.ADAM)), small, plan(30),
                new TrainingHistory());
        CountDownLatch paused = new CountDownLatch(1);
        trainer.addListener(e -> {
            if (e instanceof TrainingEvent.Progress p && p.step() == 5) {
                trainer.pause();
                paused.countDown();
            }
        });
        CompletableFuture<Double> run = CompletableFuture.supplyAsync(trainer::run);
        assertTrue(paused.await(60, TimeUnit.SECONDS), "reached step 5");
        // While paused the run does not advance, yet still serves snapshots for generation.
        CharModel snapshot = trainer.requestSnapshot().get(30, TimeUnit.SECONDS);
        assertNotNull(snapshot);
        Thread.sleep(300);
        assertEquals(5, trainer.history().step());
        assertTrue(!run.isDone());
        trainer.resume();
        assertNotNull(run.get(60, TimeUnit.SECONDS));
        assertEquals(30, trainer.history().step());
        // After the run, a snapshot is served at once from the calling thread.
        assertNotNull(trainer.requestSnapshot().get(10, TimeUnit.SECONDS));
    }

    @Test
    void timeSpentPausedDoesNotCountTowardTheTimeLimit() throws Exception {
        // A limit of 1.2 s of training and a pause of 2 s after the first step: the run must go on after resuming.
        TrainingPlan plan = new TrainingPlan(40, 0.02, 20, 1000, 5, 5, 0);
        Trainer trainer = new Trainer(model(small, tiny(Optimizer.RMSPROP)), small, plan, new TrainingHistory());
        CountDownLatch paused = new CountDownLatch(1);
        AtomicReference<TrainingEvent.Finished> finished = new AtomicReference<>();
        trainer.addListener(e -> {
            if (e instanceof TrainingEvent.Progress p && p.step() == 1) {
                trainer.pause();
                paused.countDown();
            } else if (e instanceof TrainingEvent.Finished f) {
                finished.set(f);
            }
        });
        CompletableFuture<Double> run = CompletableFuture.supplyAsync(trainer::run);
        assertTrue(paused.await(60, TimeUnit.SECONDS));
        Thread.sleep(2000);
        trainer.resume();
        run.get(60, TimeUnit.SECONDS);
        assertTrue(trainer.history().step() >= 5, "stopped at step " + trainer.history().step() + ": "
                + finished.get().reason());
    }

    @Test
    void aRunForAFewSecondsTakesTenSamplesOverTheTimeAndCountsDownWhatIsLeftOfIt() {
        // A plan that expects 5 steps in 1.2 s: the clock, not the steps, decides when to sample and when to end.
        TrainingPlan plan = TrainingPlan.forMinutes(0.02, 5);
        Trainer trainer = new Trainer(model(small, tiny(Optimizer.RMSPROP)), small, plan, new TrainingHistory());
        List<TrainingEvent.Progress> progress = new CopyOnWriteArrayList<>();
        trainer.addListener(e -> {
            if (e instanceof TrainingEvent.Progress p) {
                progress.add(p);
            }
        });
        trainer.run();
        List<Long> sampled = trainer.history().samples().stream().map(TrainingHistory.Sample::step).distinct().toList();
        assertEquals(10, sampled.size(), "ten samples, spread over the time: " + sampled);
        assertEquals(trainer.history().step(), sampled.get(sampled.size() - 1), "the last at the end");
        assertTrue(sampled.get(0) < sampled.get(9) / 2, "the first early in the run: " + sampled);
        assertTrue(progress.stream().allMatch(p -> p.etaMillis() <= 1200 && p.elapsedMillis() <= 1200 + 5000),
                "the ETA is what is left of the 1.2 s");
        TrainingEvent.Progress last = progress.get(progress.size() - 1);
        assertEquals(0, last.etaMillis(), "nothing left at the end");
    }

    @Test
    void aContinuedRunTakesTenSamplesSpreadOverItsOwnSteps() {
        CharModel model = model(small, tiny(Optimizer.RMSPROP));
        TrainingHistory history = new TrainingHistory();
        new Trainer(model, small, TrainingPlan.forSteps(25), history).run();
        new Trainer(model, small, TrainingPlan.forSteps(25, 125), history).run();
        List<Long> sampled = history.samples().stream().map(TrainingHistory.Sample::step).filter(step -> step > 25)
                .distinct().toList();
        assertEquals(List.of(35L, 45L, 55L, 65L, 75L, 85L, 95L, 105L, 115L, 125L), sampled,
                "ten, every tenth of the run's own 100 steps, as a new model's run of 100 steps");
    }

    @Test
    void elapsedTimeIsThisRunsNotTheModelsEarlierTraining() {
        TrainingHistory anHourTrained = new TrainingHistory(0, 3_600_000, List.of(), List.of(), List.of());
        Trainer trainer = new Trainer(model(small, tiny(Optimizer.RMSPROP)), small, TrainingPlan.forSteps(3),
                anHourTrained);
        List<TrainingEvent.Progress> progress = new CopyOnWriteArrayList<>();
        trainer.addListener(e -> {
            if (e instanceof TrainingEvent.Progress p) {
                progress.add(p);
            }
        });
        trainer.run();
        assertTrue(progress.get(0).elapsedMillis() < 600_000, "elapsed " + progress.get(0).elapsedMillis());
        assertTrue(trainer.history().trainingMillis() >= 3_600_000, "the model's own total still counts on");
    }

    @Test
    void stopWhilePausedEndsTheRun() throws Exception {
        Trainer trainer = new Trainer(model(small, tiny(Optimizer.RMSPROP)), small, TrainingPlan.forSteps(500),
                new TrainingHistory());
        CountDownLatch paused = new CountDownLatch(1);
        trainer.addListener(e -> {
            if (e instanceof TrainingEvent.Progress p && p.step() == 3) {
                trainer.pause();
                paused.countDown();
            }
        });
        CompletableFuture<Double> run = CompletableFuture.supplyAsync(trainer::run);
        assertTrue(paused.await(60, TimeUnit.SECONDS));
        trainer.stop();
        run.get(60, TimeUnit.SECONDS);
        assertEquals(3, trainer.history().step());
    }

    @Test
    void resumingTheDl4jEngineFromAFileContinuesTheRunExactly() {
        assertResumeContinuesExactly(app.scribe.engine.dl4j.Dl4jCharModel.ENGINE, CellType.LSTM, Optimizer.RMSPROP,
                Optimizer.ADAM);
    }

    @ParameterizedTest
    @EnumSource(CellType.class)
    void resumingTheFastEngineFromAFileContinuesTheRunExactly(CellType cell) {
        assertResumeContinuesExactly(app.scribe.engine.fast.FastCharModel.ENGINE, cell, Optimizer.values());
    }

    private void assertResumeContinuesExactly(String engine, CellType cell, Optimizer... optimizers) {
        for (Optimizer optimizer : optimizers) {
            Hyperparameters hp = tiny(optimizer).withCell(cell);
            ModelFile files = new ModelFile();
            Path file = dir.resolve("half-" + engine + "-" + cell.id() + "-" + optimizer.id() + ".scribe");

            Trainer first = new Trainer(Engines.create(engine, small.vocabulary().size(), hp), small, plan(40),
                    new TrainingHistory());
            first.run();
            TrainingHistory half = first.history();
            assertEquals(40, half.step());
            files.save(new SavedModel(firstModel(first), small.vocabulary(), CorpusInfo.of(small), half), file);

            SavedModel loaded = files.load(file);
            assertNull(ResumeCheck.check(loaded.vocabulary(), loaded.corpus(), small));
            Trainer second = new Trainer(loaded.model(), small, plan(80), loaded.history());
            double resumed = second.run();
            TrainingHistory whole = second.history();
            assertEquals(80, whole.step());
            assertEquals(engine, loaded.model().engine());
            assertEquals(half.trainingLoss(), whole.trainingLoss().subList(0, half.trainingLoss().size()),
                    "the first session's loss curve is kept");
            assertEquals(half.validationLoss(), whole.validationLoss().subList(0, half.validationLoss().size()));
            assertEquals(half.samples(), whole.samples().subList(0, half.samples().size()));
            assertTrue(whole.trainingLoss().get(whole.trainingLoss().size() - 1).step() == 80);
            assertTrue(whole.trainingMillis() >= half.trainingMillis());

            if (optimizer != Optimizer.ADAM) {
                continue; // Adam's state (moments and step count) is the harder case; one straight run suffices.
            }
            // The same 80 steps in one go reach the same model: same batches, weights and optimizer state.
            Trainer straight = new Trainer(Engines.create(engine, small.vocabulary().size(), hp), small, plan(80),
                    new TrainingHistory());
            double direct = straight.run();
            assertEquals(direct, resumed, 1e-4, engine + " " + optimizer + ": resumed " + resumed + " vs straight " + direct);
            if (engine.equals(app.scribe.engine.fast.FastCharModel.ENGINE)) {
                // Every validation of the straight run, bit for bit (the training curve is smoothed afresh on resume).
                assertEquals(straight.history().validationLoss(), whole.validationLoss(), cell + " " + optimizer);
            }
        }
    }

    /** A plan that measures and samples rarely and briefly, to keep the fast tests fast. */
    static TrainingPlan plan(long steps) {
        return new TrainingPlan(steps, 0, 20, 40, 5, 5, 0);
    }

    private static CharModel firstModel(Trainer trainer) {
        try {
            return trainer.requestSnapshot().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void checkpointsComeAtTheIntervalAtTheEndAndWhenValidationImproves() {
        CharModel model = model(small, tiny(Optimizer.ADAM));
        Trainer trainer = new Trainer(model, small, plan(35), new TrainingHistory());
        List<String> latest = new CopyOnWriteArrayList<>();
        List<Long> best = new CopyOnWriteArrayList<>();
        trainer.setCheckpoints(new CheckpointPolicy(10, 0, true), (kind, snapshot, history) -> {
            assertTrue(snapshot != model, "the sink gets a copy, not the live model");
            if (kind == CheckpointSink.Kind.LATEST) {
                latest.add(Long.toString(history.step()));
            } else {
                best.add(history.step());
                assertEquals(history.bestValidation(), history.validationLoss().get(history.validationLoss().size() - 1),
                        "a best checkpoint carries its validation as the best so far");
            }
        });
        trainer.run();
        assertEquals(List.of("10", "20", "30", "35"), latest);
        List<Long> newBests = new java.util.ArrayList<>();
        double lowest = Double.POSITIVE_INFINITY;
        for (TrainingHistory.Point p : trainer.history().validationLoss()) {
            if (p.loss() < lowest) {
                lowest = p.loss();
                newBests.add(p.step());
            }
        }
        assertEquals(newBests, best);
        assertEquals(20L, best.get(0));
    }

    @Test
    void earlyStoppingEndsTheRunAfterThePatienceRunsOut() {
        // A history whose best validation cannot be beaten: every new validation is one more without improvement.
        TrainingHistory unbeatable = new TrainingHistory(0, 0, List.of(), List.of(new TrainingHistory.Point(0, 1e-6)),
                List.of());
        Trainer trainer = new Trainer(model(small, tiny(Optimizer.ADAM)), small,
                new TrainingPlan(1000, 0, 10, 1000, 5, 5, 3), unbeatable);
        AtomicReference<TrainingEvent.Finished> finished = new AtomicReference<>();
        trainer.addListener(e -> {
            if (e instanceof TrainingEvent.Finished f) {
                finished.set(f);
            }
        });
        trainer.run();
        assertEquals(30, trainer.history().step(), "three validations (steps 10, 20, 30) without a new best");
        assertTrue(finished.get().reason().startsWith("stopped early"), finished.get().reason());
        assertThrows(ScribeException.class, () -> TrainingPlan.forSteps(10).withPatience(-1));
        assertThrows(ScribeException.class, () -> TrainingPlan.forSteps(10).withPatience(TrainingPlan.MAX_PATIENCE + 1));
    }

    @Test
    void aModelForAnotherVocabularyIsRefused() {
        CharModel wrong = Engines.create(Engines.DEFAULT, small.vocabulary().size() + 3, tiny(Optimizer.ADAM));
        ScribeException e = assertThrows(ScribeException.class,
                () -> new Trainer(wrong, small, TrainingPlan.forSteps(10), new TrainingHistory()));
        assertTrue(e.getMessage().contains("shakespeare-20k.txt"), e.getMessage());
    }

    @Test
    void resumeCheckComparesCleaningsAndFingerprints() throws IOException {
        CorpusInfo same = CorpusInfo.of(small);
        assertNull(ResumeCheck.check(small.vocabulary(), same, small));

        byte[] other = TestCorpora.shakespeare(20_001);
        Corpus otherText = new CorpusReader().fromBytes("other.txt", other);
        if (otherText.vocabulary().equals(small.vocabulary())) {
            String warning = ResumeCheck.check(small.vocabulary(), same, otherText);
            assertNotNull(warning);
            assertTrue(warning.contains("other.txt"), warning);
        }

        Corpus digits = new CorpusReader().fromBytes("digits.txt", "0123456789 ".repeat(20).getBytes());
        String note = ResumeCheck.check(small.vocabulary(), same, digits);
        assertTrue(note != null && note.contains("digits.txt"), "new characters are no refusal: " + note);
        Corpus lowercased = new CorpusReader().fromBytes("lower.txt", TestCorpora.shakespeare(20_001),
                new app.scribe.corpus.Cleaning(false, true, 0));
        ScribeException e = assertThrows(ScribeException.class,
                () -> ResumeCheck.check(small.vocabulary(), same, lowercased));
        assertTrue(e.getMessage().contains("lower.txt") && e.getMessage().contains("lowercase"), e.getMessage());
    }

    @Test
    void plansRefuseImpossibleBudgets() {
        assertThrows(ScribeException.class, () -> TrainingPlan.forSteps(0));
        assertThrows(ScribeException.class, () -> TrainingPlan.forSteps(10).withMaxMinutes(-1));
        TrainingPlan plan = TrainingPlan.forSteps(2000);
        assertEquals(100, plan.evaluateEvery());
        assertEquals(200, plan.sampleEvery());
    }

    @Test
    void batchesDependOnlyOnSeedAndStep() {
        assertEquals(Trainer.batchRandom(3, 17).nextLong(), Trainer.batchRandom(3, 17).nextLong());
        assertTrue(Trainer.batchRandom(3, 17).nextLong() != Trainer.batchRandom(3, 18).nextLong());
    }
}
