package app.scribe.ui.common;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableNumberValue;
import javafx.scene.Node;
import javafx.scene.control.ProgressBar;

/**
 * How the controls of a job that runs in the background follow it, the same on every tab: what starts a job is off
 * while one runs, what stops it is on only then, and its progress bar shows, and takes its room in the row, only
 * once the job has run long enough to report (see {@link ProgressPump}).
 */
public final class JobControls {
    private JobControls() {
    }

    /** {@code starts} are off while {@code running}; {@code stop} is on only while it is. */
    public static void startAndStop(ObservableBooleanValue running, Node stop, Node... starts) {
        for (Node start : starts) {
            start.disableProperty().bind(running);
        }
        stop.disableProperty().bind(Bindings.not(running));
    }

    /** The bar shows while {@code shown}, at {@code fraction} (0 to 1). */
    public static void progress(ProgressBar bar, ObservableBooleanValue shown, ObservableNumberValue fraction) {
        bar.visibleProperty().bind(shown);
        bar.managedProperty().bind(shown);
        bar.progressProperty().bind(fraction);
    }
}
