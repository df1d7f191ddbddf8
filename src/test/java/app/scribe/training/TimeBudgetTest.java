package app.scribe.training;

import app.scribe.TestCorpora;
import app.scribe.ScribeException;
import app.scribe.corpus.BatchSource;
import app.scribe.corpus.Corpus;
import app.scribe.corpus.CorpusReader;
import app.scribe.model.Engines;
import app.scribe.model.Hyperparameters;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimeBudgetTest {
    /** About what the 2-core build machine does: 1e10 parameter-characters a second. */
    private static final SizeAdvice.Speed SPEED = new SizeAdvice.Speed(1e10, "test speed");
    private static final long SHAKESPEARE = 1_003_854;

    private static TimeBudget.Choice choose(double minutes, long characters) {
        return TimeBudget.choose(minutes, characters, 65, 1000, SPEED, 42);
    }

    @Test
    void moreTimeBuysALargerModelUntilTheTextLimitsIt() {
        int previous = 0;
        for (double minutes : new double[]{0.5, 1.5, 5, 15, 30, 120}) {
            Hyperparameters hp = choose(minutes, SHAKESPEARE).hyperparameters();
            assertTrue(hp.hiddenSize() >= previous, minutes + " min: " + hp.hiddenSize());
            previous = hp.hiddenSize();
        }
        Hyperparameters small = choose(120, 200_000).hyperparameters();
        assertTrue(SizeAdvice.parameters(small, 65) <= 200_000, "no more parameters than characters");
        assertTrue(small.hiddenSize() < previous);
        assertEquals(TimeBudget.MIN_HIDDEN, choose(120, 5_000).hyperparameters().hiddenSize());
        assertTrue(choose(120, 5_000).reason().contains("(the smallest model the budget picks)"));
    }

    @Test
    void theModelReadsAboutTheChosenCharactersPerParameter() {
        TimeBudget.Choice choice = choose(15, 100_000_000);
        long parameters = SizeAdvice.parameters(choice.hyperparameters(), 65);
        double perParameter = 1e10 * 15 * 60 / parameters / parameters;
        assertTrue(perParameter >= TimeBudget.CHARS_PER_PARAMETER && perParameter < 2 * TimeBudget.CHARS_PER_PARAMETER,
                "" + perParameter);
    }

    @Test
    void dropoutGrowsWithTheEpochsTheRunWillRead() {
        assertEquals(0, TimeBudget.dropoutFor(1));
        assertEquals(0, TimeBudget.dropoutFor(TimeBudget.EPOCHS_WITHOUT_DROPOUT));
        double previous = 0;
        for (double epochs = 5; epochs < 10_000; epochs *= 1.5) {
            double dropout = TimeBudget.dropoutFor(epochs);
            assertTrue(dropout >= previous && dropout <= TimeBudget.MAX_DROPOUT, epochs + ": " + dropout);
            previous = dropout;
        }
        assertEquals(TimeBudget.MAX_DROPOUT, previous);
        assertTrue(choose(120, 200_000).hyperparameters().dropout() > 0, "a small text read many times");
    }

    @Test
    void theScheduleWarmsUpHoldsThenFallsToItsFloorAtTheDeadline() {
        TimeBudget.WarmupHoldDecay schedule = new TimeBudget.WarmupHoldDecay(2e-3, 50, 0.8, 0.1);
        assertEquals(2e-4, schedule.rate(0, 0), 1e-12);
        assertTrue(schedule.rate(30, 0) > schedule.rate(10, 0));
        assertEquals(2e-3, schedule.rate(50, 0), 1e-12);
        assertEquals(2e-3, schedule.rate(5000, 0.8), 1e-12);
        assertEquals(1.1e-3, schedule.rate(5000, 0.9), 1e-12);
        assertEquals(2e-4, schedule.rate(5000, 1), 1e-12);
        TimeBudget.WarmupHoldDecay held = new TimeBudget.WarmupHoldDecay(2e-3, 50, 1, 1);
        assertEquals(2e-3, held.rate(5000, 1), 1e-12);
    }

    @Test
    void shortRunsTakeSmallStepsAndHoldTheRateLongRunsDecay() {
        Hyperparameters shortRun = choose(0.5, SHAKESPEARE).hyperparameters();
        Hyperparameters longRun = choose(120, SHAKESPEARE).hyperparameters();
        assertTrue(shortRun.seqLength() * shortRun.batchSize() < longRun.seqLength() * longRun.batchSize());
        assertEquals(TimeBudget.PEAK_RATE, choose(0.5, SHAKESPEARE).schedule().rate(10_000, 1), 1e-12);
        assertTrue(choose(120, SHAKESPEARE).schedule().rate(10_000, 1) < 1e-3);
        int[] shape = TimeBudget.shapeFor(1e12, 57);
        assertEquals(57, shape[0], "no longer than the text allows");
    }

    @Test
    void theReasonSaysWhatWasChosen() {
        TimeBudget.Choice choice = TimeBudget.choose(1.5, 3000, 40, 20, SPEED, 7);
        assertEquals(20, choice.hyperparameters().seqLength());
        assertEquals(7, choice.hyperparameters().seed());
        String reason = choice.reason();
        assertTrue(reason.startsWith("auto size for 1.50 min: 2 x " + choice.hyperparameters().hiddenSize()
                + " lstm"), reason);
        assertTrue(reason.contains("parameters (the smallest model the budget picks)") && reason.contains("test speed")
                && reason.contains("sequences of 20"), reason);
        assertThrows(ScribeException.class, () -> TimeBudget.choose(0, 3000, 40, 57, SPEED, 7));
    }

    @Test
    void theChoiceTrainsWithItsScheduleAndLearns() throws IOException {
        byte[] bytes = TestCorpora.shakespeare(20_000);
        Corpus corpus = new CorpusReader().fromBytes("shakespeare-20k.txt", bytes);
        SizeAdvice.Speed speed = SpeedProbe.measure(Engines.DEFAULT, corpus, BatchSource.longestSequence(corpus, null),
                0.3);
        assertTrue(speed.parameterCharsPerSecond() > 0 && speed.source().startsWith("measured just now"));
        TimeBudget.Choice choice = TimeBudget.choose(0.05, 19_000, corpus.vocabulary().size(),
                BatchSource.longestSequence(corpus, null), speed, 3);
        TrainingPlan plan = TrainingPlan.forSteps(150);
        Trainer trainer = new Trainer(Engines.create(Engines.DEFAULT, corpus.vocabulary().size(),
                choice.hyperparameters()), corpus, plan, new TrainingHistory());
        trainer.setSchedule(choice.schedule());
        List<Double> rates = new CopyOnWriteArrayList<>();
        trainer.addListener(e -> {
            if (e instanceof TrainingEvent.Progress p) {
                rates.add(p.learningRate());
            }
        });
        double loss = trainer.run();
        assertEquals(150, rates.size());
        for (int step = 0; step < 150; step++) {
            assertEquals(choice.schedule().rate(step, step / 150.0), rates.get(step), 1e-12, "step " + step);
        }
        double uniform = Math.log(corpus.vocabulary().size());
        assertTrue(loss < uniform - 0.5, loss + " against " + uniform + " for a uniform guess");
    }
}
