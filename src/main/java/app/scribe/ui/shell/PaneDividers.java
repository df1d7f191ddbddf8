package app.scribe.ui.shell;

import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.input.MouseEvent;
import javafx.stage.Window;

/**
 * Keeps the split panes' dividers where the user chose, in pixels from the left: the window's width goes to or comes
 * from the last pane, and the panes before it keep theirs. SplitPane moves its dividers for good when a narrow window
 * squeezes a pane to its minimum width; this puts them back at every change of width, so a window made small and then
 * large again looks as it did. A drag of a divider is what the user chose; a click elsewhere in the panes is not.
 */
public final class PaneDividers {
    private final SplitPane panes;
    /** The dividers' places as shares of the width, until the panes have a width to turn them into pixels. */
    private double[] shares;
    /** The dividers' places in pixels from the left, once the panes have a width; else null. */
    private double[] pixels;

    PaneDividers(SplitPane panes) {
        this.panes = panes;
        this.shares = panes.getDividerPositions();
        panes.getItems().stream().limit(panes.getItems().size() - 1L)
                .forEach(pane -> SplitPane.setResizableWithParent(pane, false));
        panes.widthProperty().addListener((obs, old, now) -> keep(now.doubleValue()));
        panes.addEventFilter(MouseEvent.MOUSE_RELEASED, event -> {
            if (onDivider(event) && panes.getWidth() > 0) {
                pixels = times(panes.getDividerPositions(), panes.getWidth());
            }
        });
    }

    /** The dividers' places as shares of the panes' width, as the preferences keep them. */
    double[] chosen() {
        return pixels == null || panes.getWidth() <= 0 ? shares.clone() : times(pixels, 1 / panes.getWidth());
    }

    /**
     * Uses {@code positions} (shares of the window's width as set now) when there is one for each divider, each
     * between 0 and 1; ignores them otherwise.
     */
    void choose(double[] positions) {
        if (positions.length != shares.length) {
            return;
        }
        for (double p : positions) {
            if (!(p > 0 && p < 1)) {
                return;
            }
        }
        shares = positions.clone();
        double width = panes.getWidth() > 0 ? panes.getWidth() : windowWidth();
        pixels = width > 0 ? times(shares, width) : null;
        keep(panes.getWidth());
    }

    /**
     * The width of the window the panes span, as set (before it is shown, the panes have none yet; and the first
     * layout, at the view's preferred width, comes before the window's own width).
     */
    private double windowWidth() {
        Window window = panes.getScene() == null ? null : panes.getScene().getWindow();
        return window == null || Double.isNaN(window.getWidth()) ? 0 : window.getWidth();
    }

    private void keep(double width) {
        if (width <= 0) {
            return;
        }
        if (pixels == null) {
            pixels = times(shares, width);
        }
        panes.setDividerPositions(times(pixels, 1 / width));
    }

    /** Whether the mouse was released over a divider (pressed there, it stays its target while dragged). */
    private boolean onDivider(MouseEvent event) {
        for (Object n = event.getTarget(); n instanceof Node node && node != panes; n = node.getParent()) {
            if (node.getStyleClass().contains("split-pane-divider")) {
                return true;
            }
        }
        return false;
    }

    private static double[] times(double[] values, double factor) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] * factor;
        }
        return out;
    }
}
