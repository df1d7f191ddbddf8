package app.scribe.ui.training;

import app.scribe.ui.common.Exports;
import app.scribe.ui.common.GridCells;

import app.scribe.training.TrainingHistory;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;

import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * The Timeline tab: the samples taken at evenly spaced training steps as a grid of step x temperature, filled in
 * live while the model trains, so the user sees it learn words, then punctuation, then names.
 */
public final class TimelineController {
    private final TrainingViewModel training;
    private final Exports exports;

    @FXML private GridPane timelineGrid;
    @FXML private Label timelineHint;
    @FXML private Button timelinePngButton;

    public TimelineController(TrainingViewModel training, Exports exports) {
        this.training = training;
        this.exports = exports;
    }

    @FXML
    private void initialize() {
        training.samples().addListener((ListChangeListener<TrainingHistory.Sample>) c -> redraw());
        exports.savesPng(timelinePngButton, timelineGrid, "timeline.png", Bindings.isEmpty(training.samples()));
        redraw();
    }

    private void redraw() {
        List<TrainingHistory.Sample> samples = training.samples();
        timelineGrid.getChildren().clear();
        timelineGrid.getColumnConstraints().clear();
        timelineHint.setText(samples.isEmpty() ? "Train a model: samples appear here at evenly spaced steps." : "");
        if (samples.isEmpty()) {
            return; // no grid at all: a lone "step" heading over nothing looked broken
        }
        TreeSet<Long> steps = new TreeSet<>();
        TreeSet<Double> temperatures = new TreeSet<>();
        samples.forEach(s -> {
            steps.add(s.step());
            temperatures.add(s.temperature());
        });
        List<Long> rows = List.copyOf(steps);
        List<Double> columns = List.copyOf(temperatures);
        GridCells.addColumn(timelineGrid, 10, false);
        for (int c = 0; c < columns.size(); c++) {
            GridCells.addColumn(timelineGrid, 86.0 / columns.size(), true);
            timelineGrid.add(GridCells.heading(String.format(Locale.ROOT, "T = %.1f", columns.get(c))), c + 1, 0);
        }
        timelineGrid.add(GridCells.heading("step"), 0, 0);
        for (int r = 0; r < rows.size(); r++) {
            timelineGrid.add(new Label(Long.toString(rows.get(r))), 0, r + 1);
        }
        for (TrainingHistory.Sample sample : samples) {
            timelineGrid.add(GridCells.text(sample.text()), columns.indexOf(sample.temperature()) + 1, rows.indexOf(sample.step()) + 1);
        }
    }
}
