package app.scribe.ui.training;

import app.scribe.model.CellSetting;
import app.scribe.model.CellType;
import app.scribe.ui.common.SpinnerInput;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The chosen cell's own settings in the training form (the tglstm's time gate leak): one labelled spinner each,
 * in rows below the Cell row, as its {@link CellType} declares them; a cell without settings adds none.
 */
public final class CellSettingsForm {
    private final Node cellRow;
    private final Pane form;
    private final TrainingForm training;
    private final ObservableBooleanValue disabled;
    private final List<Node> rows = new ArrayList<>();
    private final Map<String, Spinner<Double>> spinners = new HashMap<>();

    private CellSettingsForm(ChoiceBox<CellType> cellChoice, TrainingForm training,
                             ObservableBooleanValue disabled) {
        this.cellRow = cellChoice.getParent();
        this.form = (Pane) cellRow.getParent();
        this.training = training;
        this.disabled = disabled;
    }

    /** Shows the settings of the cell the training form has chosen below {@code cellChoice}'s row. */
    static void attach(ChoiceBox<CellType> cellChoice, TrainingForm training, ObservableBooleanValue disabled) {
        CellSettingsForm settings = new CellSettingsForm(cellChoice, training, disabled);
        training.cellProperty().addListener((obs, old, now) -> settings.show(now));
        training.cellOptionsProperty().addListener((obs, old, now) -> settings.showValues());
        training.filledProperty().addListener((obs, old, now) ->
                settings.spinners.values().forEach(Spinner::cancelEdit)); // a typed text gives way to the value
        settings.show(training.cellProperty().get());
    }

    private void show(CellType cell) {
        form.getChildren().removeAll(rows);
        rows.clear();
        spinners.values().forEach(gone -> training.problems().fixed(gone)); // a row that goes takes its problem along
        spinners.clear();
        int at = form.getChildren().indexOf(cellRow) + 1;
        for (CellSetting setting : cell == null ? List.<CellSetting>of() : cell.settings()) {
            Spinner<Double> spinner = new Spinner<>();
            // A property of the spinner's own: the cell options take each value it commits; a typed text that is
            // no number in range is refused with a sentence (SpinnerInput), never a NumberFormatException.
            ObjectProperty<Double> value = new SimpleObjectProperty<>(
                    training.cellOptionsProperty().get().get(setting.key()));
            spinner.getProperties().put(CellSetting.class, value);
            SpinnerInput.decimals(spinner, setting.min(), setting.max(), (setting.max() - setting.min()) / 100, value);
            String name = setting.name().substring(0, 1).toUpperCase(Locale.ROOT) + setting.name().substring(1);
            SpinnerInput.guard(spinner, name, training.problems());
            spinner.setId(setting.key() + "Spinner");
            spinner.setEditable(true);
            spinner.setPrefWidth(100);
            spinner.setMinWidth(Region.USE_PREF_SIZE);
            spinner.setTooltip(new Tooltip(setting.help(cell)));
            spinner.disableProperty().bind(disabled);
            spinner.valueProperty().addListener((obs, old, now) -> training.cellOptionsProperty().set(
                    training.cellOptionsProperty().get().with(setting.key(), now)));
            Label label = new Label(name);
            label.setMinWidth(112);
            label.setPrefWidth(112);
            HBox row = new HBox(6, label, spinner);
            row.setAlignment(Pos.CENTER_LEFT);
            rows.add(row);
            spinners.put(setting.key(), spinner);
            form.getChildren().add(at++, row);
        }
    }

    /** Shows the view-model's values (a model's own, when one is opened) in the spinners of the same setting. */
    private void showValues() {
        training.cellOptionsProperty().get().values().forEach((key, value) -> {
            Spinner<Double> spinner = spinners.get(key);
            if (spinner != null) {
                spinner.getValueFactory().setValue(value);
            }
        });
    }
}
