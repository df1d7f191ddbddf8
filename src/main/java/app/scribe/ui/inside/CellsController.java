package app.scribe.ui.inside;

import app.scribe.ui.common.Exports;
import app.scribe.ui.common.Keys;
import app.scribe.ui.common.SpinnerInput;
import app.scribe.ui.common.Tints;
import app.scribe.ui.generate.GenerationViewModel;

import app.scribe.analysis.InterestingCells;
import app.scribe.analysis.TextTrace;
import javafx.fxml.FXML;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.CornerRadii;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The Inside tab: a text coloured by one cell's state (an LSTM's c, else h), blue below zero and orange above. */
public final class CellsController {
    private final CellsViewModel cells;
    private final GenerationViewModel generation;
    private final Exports exports;

    @FXML private TextArea cellsText;
    @FXML private Button readButton;
    @FXML private Spinner<Integer> cellLayerSpinner;
    @FXML private Spinner<Integer> cellUnitSpinner;
    @FXML private ListView<InterestingCells.Cell> interestingList;
    @FXML private Label cellLabel;
    @FXML private TextFlow heatmap;
    @FXML private Label heatmapHint;
    @FXML private Button heatmapPngButton;

    public CellsController(CellsViewModel cells, GenerationViewModel generation, Exports exports) {
        this.cells = cells;
        this.generation = generation;
        this.exports = exports;
    }

    @FXML
    private void initialize() {
        cellsText.textProperty().bindBidirectional(cells.textProperty());
        readButton.disableProperty().bind(cells.readingProperty());
        Keys.onShortcutEnter(cellsText, cells::read);
        SpinnerInput.integers(cellLayerSpinner, 1, 3, 1, cells.layerProperty());
        SpinnerInput.integers(cellUnitSpinner, 0, 2047, 1, cells.unitProperty());
        SpinnerInput.guard(cellLayerSpinner, "Layer", cells.problems());
        SpinnerInput.guard(cellUnitSpinner, "Cell", cells.problems());
        interestingList.setItems(cells.interesting());
        interestingList.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(InterestingCells.Cell cell, boolean empty) {
                super.updateItem(cell, empty);
                setText(empty || cell == null ? null : String.format(Locale.ROOT, "layer %d, cell %d: %s (%.2f)",
                        cell.layer() + 1, cell.unit(), cell.reason(), cell.score()));
            }
        });
        interestingList.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> cells.pick(now));
        cells.traceProperty().addListener((obs, old, now) -> limitSpinners(now));
        cells.traceProperty().addListener((obs, old, now) -> redraw());
        cells.layerProperty().addListener((obs, old, now) -> redraw());
        cells.unitProperty().addListener((obs, old, now) -> redraw());
        exports.savesPng(heatmapPngButton, heatmap, "cell.png", cells.traceProperty().isNull());
        heatmapHint.visibleProperty().bind(cells.traceProperty().isNull().and(cells.readingProperty().not()));
    }

    private void limitSpinners(TextTrace trace) {
        if (trace != null) {
            ((SpinnerValueFactory.IntegerSpinnerValueFactory) cellLayerSpinner.getValueFactory()).setMax(trace.layers());
            ((SpinnerValueFactory.IntegerSpinnerValueFactory) cellUnitSpinner.getValueFactory()).setMax(trace.hiddenSize() - 1);
        }
    }

    private void redraw() {
        TextTrace trace = cells.traceProperty().get();
        if (trace == null || cells.layerProperty().get() > trace.layers() || cells.unitProperty().get() >= trace.hiddenSize()) {
            heatmap.getChildren().clear();
            if (trace == null) {
                cellLabel.setText("");
            }
            return;
        }
        double[] values = cells.values();
        double scale = 0;
        for (double v : values) {
            scale = Math.max(scale, Math.abs(v));
        }
        cellLabel.setText(String.format(Locale.ROOT, "Layer %d, cell %d of the %s: %s, blue below zero, orange above "
                        + "(largest |value| %.2f)", cells.layerProperty().get(), cells.unitProperty().get(),
                trace.cellType().id(), trace.cellType().hasMemoryCell() ? "tanh(c)" : "h", scale));
        List<Node> nodes = new ArrayList<>(values.length);
        for (int i = 0; i < values.length; i++) {
            int cp = trace.codePoint(i);
            if (cp == '\n') {
                nodes.add(new Text("\n"));
                continue;
            }
            Label ch = new Label(new String(Character.toChars(cp)));
            ch.getStyleClass().add("heat-char");
            ch.setPadding(Insets.EMPTY);
            Color colour = Tints.activation(values[i], scale);
            ch.setBackground(new Background(new BackgroundFill(colour, CornerRadii.EMPTY, Insets.EMPTY)));
            ch.setTextFill(Tints.textOn(colour));
            nodes.add(ch);
        }
        heatmap.getChildren().setAll(nodes);
    }

    @FXML private void read() { cells.read(); }

    @FXML
    private void useGenerated() {
        cells.textProperty().set(generation.shownPromptProperty().get() + generation.continuationProperty().get());
        cells.read();
    }
}
