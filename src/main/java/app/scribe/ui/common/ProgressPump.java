package app.scribe.ui.common;

import app.scribe.model.Progress;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.util.Duration;

/**
 * Carries a long job's progress to the FX thread: the job reports from its own thread (a volatile write), and
 * {@link #fractionProperty()} follows four times a second while the pump runs. {@link #shownProperty()} turns true
 * at the first update, so that a job over within a quarter of a second shows no progress at all.
 */
public final class ProgressPump implements Progress {
    private final ReadOnlyDoubleWrapper fraction = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyBooleanWrapper shown = new ReadOnlyBooleanWrapper(false);
    private volatile double latest;
    private final Timeline timeline = new Timeline(new KeyFrame(Duration.millis(250), e -> {
        fraction.set(latest);
        shown.set(true);
    }));

    public ProgressPump() {
        timeline.setCycleCount(Timeline.INDEFINITE);
    }

    /** Whether the job has run long enough for its progress to be shown. */
    public ReadOnlyBooleanProperty shownProperty() {
        return shown.getReadOnlyProperty();
    }

    /** The share of the job done, 0 to 1. */
    public ReadOnlyDoubleProperty fractionProperty() {
        return fraction.getReadOnlyProperty();
    }

    @Override
    public void reached(long done, long total) {
        latest = total <= 0 ? 0 : Math.min(1, (double) done / total);
    }

    /** Starts following a new job from zero (FX thread). */
    public void start() {
        latest = 0;
        fraction.set(0);
        timeline.playFromStart();
    }

    /** The job has ended (FX thread). */
    public void stop() {
        timeline.stop();
        fraction.set(latest);
        shown.set(false);
    }
}
