package app.scribe.ui.shell;

import app.scribe.ui.common.Exports;
import app.scribe.ui.common.Keys;
import app.scribe.ui.common.Session;
import app.scribe.ui.common.Theme;
import app.scribe.ui.generate.GenerationViewModel;
import app.scribe.ui.models.ModelFilesViewModel;
import app.scribe.ui.models.ServingViewModel;
import app.scribe.ui.training.TrainingViewModel;
import app.scribe.ui.write.WriteController;

import app.scribe.Version;
import app.scribe.model.RuntimeVersions;
import app.scribe.training.LossCsv;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.Alert;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The menu bar: File, Training, Generate, View and Help. Each item runs the same action as its button, and is disabled
 * while that action cannot run (Save with no model, Pause when nothing trains).
 */
public final class MainMenu {
    private final MainController main;
    private final ModelFilesViewModel modelFiles;
    private final TrainingViewModel training;
    private final GenerationViewModel generation;
    private final Session session;
    private final Exports exports;
    private final ObservableList<Path> recentModels;
    private final Runnable quit;
    private final ServingViewModel serving;

    MainMenu(MainController main, ModelFilesViewModel modelFiles, TrainingViewModel training,
             GenerationViewModel generation, Session session, Exports exports, ObservableList<Path> recentModels,
             Runnable quit, ServingViewModel serving) {
        this.serving = serving;
        this.main = main;
        this.modelFiles = modelFiles;
        this.training = training;
        this.generation = generation;
        this.session = session;
        this.exports = exports;
        this.recentModels = recentModels;
        this.quit = quit;
    }

    MenuBar bar() {
        MenuBar bar = new MenuBar(fileMenu(), trainingMenu(), generateMenu(), viewMenu(), helpMenu());
        bar.setId("menuBar");
        return bar;
    }

    private Menu fileMenu() {
        var phase = training.phaseProperty();
        BooleanBinding busy = Bindings.notEqual(phase, TrainingViewModel.Phase.IDLE);
        BooleanBinding noModel = session.modelProperty().isNull();
        MenuItem openText = item("openTextItem", "Open text…", Keys.OPEN, main::openCorpus);
        MenuItem openModel = item("openModelItem", "Open model…", null, main::loadModelFile);
        openModel.disableProperty().bind(busy);
        MenuItem save = item("saveItem", "Save", Keys.SAVE, modelFiles::save);
        save.disableProperty().bind(noModel);
        MenuItem saveAs = item("saveAsItem", "Save as…", null, this::saveAs);
        saveAs.disableProperty().bind(noModel);
        Menu recent = new Menu("Recent models");
        recent.setId("recentModelsMenu");
        recentModels.addListener((ListChangeListener<Path>) change -> fillRecent(recent));
        fillRecent(recent);
        recent.disableProperty().bind(busy.or(Bindings.isEmpty(recentModels)));
        MenuItem exportText = item("exportTextItem", "Export text…", null,
                () -> exports.saveText(generation.shownText(), "generated.txt", main.window()));
        exportText.disableProperty().bind(generation.continuationProperty().isEmpty());
        MenuItem exportLoss = item("exportLossItem", "Export loss history as CSV…", null, this::exportLoss);
        exportLoss.disableProperty().bind(noModel);
        CheckMenuItem serve = new CheckMenuItem("Serve this model (HTTP API on this computer)");
        serve.setId("serveItem");
        serve.selectedProperty().bind(serving.servingProperty());
        serve.setOnAction(e -> serving.toggle());
        serve.disableProperty().bind(noModel.and(serving.servingProperty().not()));
        MenuItem quitItem = item("quitItem", "Quit", Keys.QUIT, quit);
        return menu("fileMenu", "File", openText, openModel, save, saveAs, recent, new SeparatorMenuItem(),
                exportText, exportLoss, serve, new SeparatorMenuItem(), quitItem);
    }

    private void fillRecent(Menu recent) {
        recent.getItems().setAll(recentModels.stream().map(file -> {
            MenuItem item = new MenuItem(file.getFileName().toString());
            item.setOnAction(e -> modelFiles.load(file));
            return item;
        }).toList());
    }

    private Menu trainingMenu() {
        var phase = training.phaseProperty();
        MenuItem train = item("trainItem", "Train / Resume", Keys.TRAIN, () -> {
            main.showTraining();
            if (phase.get() == TrainingViewModel.Phase.PAUSED) {
                training.resume();
            } else {
                training.train();
            }
        });
        train.disableProperty().bind(Bindings.equal(phase, TrainingViewModel.Phase.RUNNING));
        MenuItem pause = item("pauseItem", "Pause (Space on the chart)", null, training::pause);
        pause.disableProperty().bind(Bindings.notEqual(phase, TrainingViewModel.Phase.RUNNING));
        MenuItem stop = item("stopTrainingItem", "Stop training", null, training::stop);
        stop.disableProperty().bind(Bindings.equal(phase, TrainingViewModel.Phase.IDLE));
        return menu("trainingMenu", "Training", train, pause, stop);
    }

    private Menu generateMenu() {
        MenuItem generate = item("generateItem", "Generate", Keys.GENERATE, () -> {
            main.showGenerate(); // the text is written where it can be seen, never on a hidden tab
            generation.generate();
        });
        generate.disableProperty().bind(generation.generatingProperty());
        MenuItem stop = item("stopGenerationItem", "Stop", Keys.STOP_GENERATION, generation::stop);
        stop.disableProperty().bind(generation.generatingProperty().not());
        return menu("generateMenu", "Generate", generate, stop);
    }

    /** The theme: System (the desktop's light or dark), Light or Dark; kept in the preferences. */
    private Menu viewMenu() {
        Theme theme = Theme.ofUser();
        ToggleGroup group = new ToggleGroup();
        Menu themes = new Menu("Theme");
        themes.setId("themeMenu");
        for (Theme.Choice choice : Theme.Choice.values()) {
            String name = choice.name().charAt(0) + choice.name().substring(1).toLowerCase(Locale.ROOT);
            RadioMenuItem item = new RadioMenuItem(name);
            item.setId("theme" + name + "Item");
            item.setToggleGroup(group);
            item.setSelected(choice == theme.stored());
            item.setOnAction(e -> theme.apply(main.window().getScene(), choice));
            themes.getItems().add(item);
        }
        return menu("viewMenu", "View", themes);
    }

    private Menu helpMenu() {
        return menu("helpMenu", "Help", item("shortcutsItem", "Keyboard shortcuts", null, this::showShortcuts),
                item("aboutItem", "About Scribe", null, this::showAbout));
    }

    private void saveAs() {
        TextInputDialog dialog = new TextInputDialog(modelFiles.nameProperty().get());
        dialog.initOwner(main.window());
        dialog.setTitle("Save as");
        dialog.setHeaderText("Save the model in the models folder as:");
        dialog.getEditor().setId("saveAsName");
        dialog.showAndWait().ifPresent(name -> {
            modelFiles.nameProperty().set(name);
            modelFiles.save();
        });
    }

    private void exportLoss() {
        Session.ModelState state = session.modelOrExplain();
        if (state != null) {
            exports.saveCsv(LossCsv.of(state.history()), modelFiles.nameProperty().get() + "-loss.csv", main.window());
        }
    }

    /** Wide enough for each shortcut's line to stay whole. */
    private static final double SHORTCUTS_WIDTH = 620;
    /** Between a shortcut's keys and what they do. */
    private static final double SHORTCUT_GAP = 24;

    /** The shortcuts in two columns, the keys and what they do, with a gap between them. */
    private void showShortcuts() {
        String[][] shortcuts = {
                {Keys.OPEN.getDisplayText(), "Open a text"},
                {Keys.SAVE.getDisplayText(), "Save the model"},
                {Keys.TRAIN.getDisplayText(), "Train, or resume a paused run (never Enter)"},
                {"Space", "Pause or resume, when the loss chart has focus (click it)"},
                {Keys.GENERATE.getDisplayText(), "Generate; in the Inside and Score texts: read or score"},
                {Keys.STOP_GENERATION.getDisplayText(), "Stop generating; in Write: dismiss the suggestion"},
                {"Tab", "Write: take the suggestion"},
                {WriteController.ACCEPT_WORD.getDisplayText(), "Write: take one word of it"},
                {WriteController.LIST_DOWN.getDisplayText(), "Write: the five likeliest completions"},
                {Keys.QUIT.getDisplayText(), "Quit (asks first while training runs)"}};
        GridPane table = new GridPane();
        table.setId("shortcutsTable");
        table.setHgap(SHORTCUT_GAP);
        table.setVgap(4);
        for (int row = 0; row < shortcuts.length; row++) {
            Label keys = new Label(shortcuts[row][0]);
            keys.setMinWidth(Region.USE_PREF_SIZE);
            Label does = new Label(shortcuts[row][1]);
            does.setWrapText(true);
            table.addRow(row, keys, does);
        }
        Alert alert = dialog("shortcutsDialog", "Keyboard shortcuts", null, SHORTCUTS_WIDTH);
        alert.getDialogPane().setContent(table);
        alert.show();
    }

    private void showAbout() {
        dialog("aboutDialog", "About Scribe", "Scribe " + Version.NUMBER + "\n"
                + "JavaFX " + System.getProperty("javafx.runtime.version", System.getProperty("javafx.version", "unknown"))
                + "\n" + RuntimeVersions.describe(), Region.USE_COMPUTED_SIZE).show();
    }

    private Alert dialog(String id, String title, String text, double width) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, text);
        alert.getDialogPane().setPrefWidth(width);
        alert.initOwner(main.window());
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.getDialogPane().setId(id);
        return alert;
    }

    private static MenuItem item(String id, String text, KeyCombination keys, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        if (keys != null) {
            item.setAccelerator(keys);
        }
        item.setOnAction(e -> action.run());
        return item;
    }

    private static Menu menu(String id, String text, MenuItem... items) {
        Menu menu = new Menu(text, null, items);
        menu.setId(id);
        return menu;
    }
}
