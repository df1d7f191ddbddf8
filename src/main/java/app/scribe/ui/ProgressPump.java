package app.scribe.ui;

import app.scribe.model.Progress;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.util.Duration;

/**
 * Carries a long job's progress to the FX thread: the job reports from its own thread (a volatile write), and
 * {@link #fractionProperty()} follows four times a second while the pump runs.
 */
final class ProgressPump implements Progress {
    private final ReadOnlyDoubleWrapper fraction = new ReadOnlyDoubleWrapper(0);
    private volatile double latest;
    private final Timeline timeline = new Timeline(new KeyFrame(Duration.millis(250), e -> fraction.set(latest)));

    ProgressPump() {
        timeline.setCycleCount(Timeline.INDEFINITE);
    }

    /** The share of the job done, 0 to 1. */
    ReadOnlyDoubleProperty fractionProperty() {
        return fraction.getReadOnlyProperty();
    }

    @Override
    public void reached(long done, long total) {
        latest = total <= 0 ? 0 : Math.min(1, (double) done / total);
    }

    /** Starts following a new job from zero (FX thread). */
    void start() {
        latest = 0;
        fraction.set(0);
        timeline.playFromStart();
    }

    /** The job has ended (FX thread). */
    void stop() {
        timeline.stop();
        fraction.set(latest);
    }
}
