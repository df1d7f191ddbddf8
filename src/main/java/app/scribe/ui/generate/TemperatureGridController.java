package app.scribe.ui.generate;

import app.scribe.ui.common.Exports;
import app.scribe.ui.common.GridCells;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.text.TextFlow;

import java.util.Locale;

/** The Temperatures tab: the grid of one prompt at several temperatures. */
public final class TemperatureGridController {
    private final TemperatureGridViewModel grid;
    private final Exports exports;

    @FXML private TextField temperaturesField;
    @FXML private Button gridButton;
    @FXML private Button gridPngButton;
    @FXML private GridPane temperatureGrid;

    public TemperatureGridController(TemperatureGridViewModel grid, Exports exports) {
        this.grid = grid;
        this.exports = exports;
    }

    @FXML
    private void initialize() {
        temperaturesField.textProperty().bindBidirectional(grid.temperaturesProperty());
        gridButton.disableProperty().bind(grid.runningProperty());
        exports.savesPng(gridPngButton, temperatureGrid, "temperatures.png", Bindings.isEmpty(grid.columns()));
        grid.columns().addListener((ListChangeListener<TemperatureGridViewModel.Column>) c -> redraw());
    }

    private void redraw() {
        temperatureGrid.getChildren().clear();
        temperatureGrid.getColumnConstraints().clear();
        for (int i = 0; i < grid.columns().size(); i++) {
            TemperatureGridViewModel.Column column = grid.columns().get(i);
            ColumnConstraints constraints = new ColumnConstraints();
            constraints.setPercentWidth(96.0 / grid.columns().size());
            constraints.setHgrow(Priority.ALWAYS);
            temperatureGrid.getColumnConstraints().add(constraints);
            Label heading = new Label(String.format(Locale.ROOT, "T = %.2f", column.temperature()));
            heading.getStyleClass().add("heading");
            TextFlow text = GridCells.text(column.text());
            text.setId("gridText" + i);
            temperatureGrid.add(heading, i, 0);
            temperatureGrid.add(text, i, 1);
        }
    }

    @FXML private void generateGrid() { grid.generate(); }
}
