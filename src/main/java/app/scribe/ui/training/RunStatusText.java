package app.scribe.ui.training;

import app.scribe.training.TrainingEvent;
import app.scribe.ui.common.RateFormat;
import javafx.beans.property.StringProperty;

/** The sentences the Train tab's status line shows, and the form's numbers as the user wrote them. */
final class RunStatusText {
    private RunStatusText() {
    }

    /** Where a running run stands: step, epoch, loss, speed, elapsed time and ETA. */
    static String running(TrainingEvent.Progress p, long totalSteps) {
        return String.format("Step %,d of %,d · epoch %.2f · loss %.3f · %,.0f chars/s · elapsed %s · ETA %s",
                p.step(), totalSteps, p.epoch(), p.smoothedLoss(), p.charsPerSecond(),
                clock(p.elapsedMillis()), clock(p.etaMillis()));
    }

    /** Where a run for a number of minutes stands: its steps are not known ahead, the time left is. */
    static String timed(TrainingEvent.Progress p, RunFeed.Budget budget) {
        return String.format("Step %,d · epoch %.2f · loss %.3f · %,.0f chars/s · elapsed %s · ETA %s (%s)",
                p.step(), p.epoch(), p.smoothedLoss(), p.charsPerSecond(), clock(p.elapsedMillis()),
                clock(p.etaMillis()), budgetName(budget));
    }

    /** The end of a run that its budget ended, after {@code trainedMillis} of training. */
    static String budgetUsed(long step, RunFeed.Budget budget, long trainedMillis) {
        long measuring = Math.round((budget.minutes() - budget.trainingMinutes()) * 60_000);
        return String.format("Finished at step %,d: %s is used up (%s measuring this machine's speed, %s training).",
                step, budgetName(budget), clock(measuring), clock(trainedMillis));
    }

    private static String budgetName(RunFeed.Budget budget) {
        return "the " + budget.minutes() + "-minute budget";
    }

    /**
     * Where a paused run stands (there is no speed and no ETA to show); {@code last} is null before any step,
     * {@code totalSteps} 0 for a run that the clock ends.
     */
    static String paused(TrainingEvent.Progress last, long totalSteps) {
        return last == null ? "Paused: press Resume to continue."
                : String.format("Paused at step %,d%s · loss %.3f: press Resume to continue.", last.step(),
                totalSteps > 0 ? String.format(" of %,d", totalSteps) : "", last.smoothedLoss());
    }

    static String clock(long millis) {
        long s = Math.max(0, millis / 1000);
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format("%d:%02d", s / 60, s % 60);
    }

    /** Keeps the user's spelling of a number (2e-3 stays 2e-3) when it already has the value. */
    static void showNumber(StringProperty field, double value) {
        try {
            if (Double.parseDouble(field.get().trim()) == value) {
                return;
            }
        } catch (NumberFormatException notANumber) {
            // Replaced below.
        }
        field.set(RateFormat.of(value));
    }
}
