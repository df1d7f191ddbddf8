package app.scribe.ui.shell;

import javafx.scene.control.SplitPane;
import javafx.scene.input.MouseEvent;

/**
 * Keeps the split panes' divider positions the user chose. SplitPane moves its dividers for good when a narrow
 * window squeezes a pane to its minimum width; this puts them back at every change of width, so a window made
 * small and then large again looks as it did. A drag of a divider is what the user chose.
 */
public final class PaneDividers {
    private final SplitPane panes;
    private double[] chosen;

    PaneDividers(SplitPane panes) {
        this.panes = panes;
        this.chosen = panes.getDividerPositions();
        panes.widthProperty().addListener((obs, old, now) -> panes.setDividerPositions(chosen));
        panes.addEventFilter(MouseEvent.MOUSE_RELEASED, event -> chosen = panes.getDividerPositions());
    }

    double[] chosen() {
        return chosen.clone();
    }

    /** Uses {@code positions} when there is one for each divider, each between 0 and 1; ignores them otherwise. */
    void choose(double[] positions) {
        if (positions.length != chosen.length) {
            return;
        }
        for (double p : positions) {
            if (!(p > 0 && p < 1)) {
                return;
            }
        }
        chosen = positions.clone();
        panes.setDividerPositions(chosen);
    }
}
