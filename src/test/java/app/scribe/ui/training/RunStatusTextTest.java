package app.scribe.ui.training;

import app.scribe.training.TrainingEvent;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The status line's sentences for runs that Steps end and for runs that a number of minutes end. */
class RunStatusTextTest {
    private static final TrainingEvent.Progress STEP_222 =
            new TrainingEvent.Progress(222, 0.04, 2.5, 2.43, 63_883, 6_000, 50_000, 3e-3);

    @Test
    void aTimedRunShowsNoStepTotalAndCountsDownItsBudget() {
        assertEquals("Step 222 · epoch 0.04 · loss 2.430 · 63,883 chars/s · elapsed 0:06 · ETA 0:50 (the 1-minute"
                + " budget)", RunStatusText.timed(STEP_222, new RunFeed.Budget(1, 0.94)));
        assertEquals("Paused at step 222 · loss 2.430: press Resume to continue.", RunStatusText.paused(STEP_222, 0));
    }

    @Test
    void theEndOfATimedRunSaysItsBudgetPlainly() {
        assertEquals("Finished at step 1,458: the 1-minute budget is used up (0:04 measuring this machine's speed,"
                + " 0:56 training).", RunStatusText.budgetUsed(1458, new RunFeed.Budget(1, 56 / 60.0), 56_000));
    }

    @Test
    void aRunForStepsShowsItsTotal() {
        assertEquals("Step 222 of 2,000 · epoch 0.04 · loss 2.430 · 63,883 chars/s · elapsed 0:06 · ETA 0:50",
                RunStatusText.running(STEP_222, 2000));
    }
}
