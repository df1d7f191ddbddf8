package app.scribe.ui.write;

import app.scribe.ui.common.Keys;

import app.scribe.ui.common.ChoiceLabels;
import app.scribe.ui.common.Exports;
import app.scribe.ui.common.FileDialogs;
import app.scribe.ui.common.SpinnerInput;

import app.scribe.writing.Completion;
import app.scribe.writing.Until;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.fxml.FXML;
import javafx.geometry.Bounds;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.control.skin.TextAreaSkin;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Rectangle;

import java.util.Locale;

/**
 * The Write tab: an editor with the model's suggestion drawn in grey after the caret (a label laid over the text
 * area, so that the text itself, its undo history and what is saved hold only what the user wrote), and the list of
 * alternatives under the caret.
 */
public final class WriteController {
    public static final KeyCombination ACCEPT_WORD = new KeyCodeCombination(KeyCode.RIGHT,
            KeyCombination.CONTROL_DOWN);
    public static final KeyCombination LIST_DOWN = new KeyCodeCombination(KeyCode.DOWN, KeyCombination.ALT_DOWN);
    private static final KeyCombination LIST_UP = new KeyCodeCombination(KeyCode.UP, KeyCombination.ALT_DOWN);

    private static final double LIST_ROW = 24;

    private final WriteViewModel write;
    private final Exports exports;
    private final BooleanProperty listShown = new SimpleBooleanProperty(false);
    /** Alt was held for Alt+Down or Alt+Up: its release is the editor's, not the menu bar's (see keyReleased). */
    private boolean altTaken;

    @FXML private TextArea writeText;
    @FXML private Pane ghostLayer;
    @FXML private Label ghostLabel;
    @FXML private ListView<Completion> alternativesList;
    @FXML private Label writeHint;
    @FXML private Button saveWritingButton;
    @FXML private ChoiceBox<WriteViewModel.Strategy> strategyChoice;
    @FXML private ChoiceBox<Until.Kind> untilChoice;
    @FXML private Spinner<Integer> charactersSpinner;
    @FXML private Spinner<Double> writeTemperatureSpinner;
    @FXML private Spinner<Double> writeTopPSpinner;
    @FXML private Spinner<Integer> writeMaxCopySpinner;

    public WriteController(WriteViewModel write, Exports exports) {
        this.write = write;
        this.exports = exports;
    }

    @FXML
    private void initialize() {
        bindSettings();
        writeText.textProperty().bindBidirectional(write.textProperty());
        writeText.textProperty().addListener((obs, old, now) -> edited());
        writeText.caretPositionProperty().addListener((obs, old, now) -> edited());
        writeText.addEventFilter(KeyEvent.KEY_PRESSED, this::keyPressed);
        writeText.addEventFilter(KeyEvent.KEY_RELEASED, this::keyReleased);
        // Ctrl+Enter is Generate's key elsewhere; in the editor it does nothing, rather than generate on another tab.
        Keys.onShortcutEnter(writeText, () -> { });
        writeHint.textProperty().bind(write.hintProperty());
        saveWritingButton.disableProperty().bind(writeText.textProperty().isEmpty());

        ghostLabel.textProperty().bind(write.ghostProperty());
        ghostLabel.fontProperty().bind(writeText.fontProperty());
        ghostLabel.visibleProperty().bind(write.ghostProperty().isNotEmpty());
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(ghostLayer.widthProperty());
        clip.heightProperty().bind(ghostLayer.heightProperty());
        ghostLayer.setClip(clip);
        write.ghostProperty().addListener((obs, old, now) -> placeAtCaret());
        writeText.scrollTopProperty().addListener((obs, old, now) -> placeAtCaret());
        writeText.widthProperty().addListener((obs, old, now) -> placeAtCaret());

        alternativesList.setItems(write.alternatives());
        alternativesList.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(Completion completion, boolean empty) {
                super.updateItem(completion, empty);
                setText(empty || completion == null ? null : String.format(Locale.ROOT, "%6.2f%%   %s",
                        completion.probability() * 100, completion.text().replace("\n", "⏎")));
            }
        });
        alternativesList.setFixedCellSize(LIST_ROW);
        alternativesList.prefHeightProperty().bind(javafx.beans.binding.Bindings.size(write.alternatives())
                .multiply(LIST_ROW).add(2));
        alternativesList.visibleProperty().bind(listShown);
        write.alternatives().addListener((javafx.collections.ListChangeListener<Completion>) c -> {
            if (write.alternatives().isEmpty()) {
                listShown.set(false);
            }
        });
        alternativesList.setOnMouseClicked(e -> takeSelected());
    }

    private void bindSettings() {
        strategyChoice.getItems().setAll(WriteViewModel.Strategy.values());
        strategyChoice.valueProperty().bindBidirectional(write.strategyProperty());
        untilChoice.getItems().setAll(Until.Kind.values());
        untilChoice.setConverter(new ChoiceLabels<>(kind -> switch (kind) {
            case WORD -> "the end of the word";
            case PHRASE -> "punctuation";
            case CHARACTERS -> "characters:";
        }));
        untilChoice.valueProperty().bindBidirectional(write.untilProperty());
        SpinnerInput.integers(charactersSpinner, 1, Until.MAX_CHARACTERS, 1, write.charactersProperty());
        SpinnerInput.decimals(writeTemperatureSpinner, 0.1, 2.0, 0.1, write.temperatureProperty());
        SpinnerInput.decimals(writeTopPSpinner, 0.05, 1.0, 0.05, write.topPProperty());
        SpinnerInput.integers(writeMaxCopySpinner, 0, app.scribe.generation.CopyLimit.MAX, 5, write.maxCopyProperty());
        SpinnerInput.guard(charactersSpinner, "Characters", write.problems());
        SpinnerInput.guard(writeTemperatureSpinner, "Temperature", write.problems());
        SpinnerInput.guard(writeTopPSpinner, "Top-p", write.problems());
        SpinnerInput.guard(writeMaxCopySpinner, "Copy ≤", write.problems());
    }

    private void edited() {
        write.edited(writeText.getText(), writeText.getCaretPosition());
        placeAtCaret();
    }

    private void keyPressed(KeyEvent event) {
        if (listShown.get()) {
            if (listKey(event)) {
                event.consume();
            }
            return;
        }
        boolean ghost = !write.ghostProperty().get().isEmpty();
        if (ghost && event.getCode() == KeyCode.TAB && !event.isShortcutDown() && !event.isShiftDown()
                && !event.isAltDown()) {
            insert(write.acceptAll());
        } else if (ghost && ACCEPT_WORD.match(event)) {
            insert(write.acceptWord());
        } else if (ghost && event.getCode() == KeyCode.ESCAPE) {
            write.dismiss();
        } else if ((LIST_DOWN.match(event) || LIST_UP.match(event)) && !write.alternatives().isEmpty()) {
            altTaken = true;
            alternativesList.getSelectionModel().select(0);
            listShown.set(true);
            placeAtCaret();
        } else {
            return;
        }
        event.consume();
    }

    /**
     * Consumes the release of an Alt that served Alt+Down: the menu bar takes a lone Alt press and release as "go to
     * the menus", and it never saw the Down in between (the editor consumed it), so Down and Enter in the list would
     * have opened File and run its first item.
     */
    private void keyReleased(KeyEvent event) {
        if (event.getCode() == KeyCode.ALT && altTaken) {
            altTaken = false;
            event.consume();
        }
    }

    /** Up and Down move in the list, Enter takes the selected completion, Esc closes the list. */
    private boolean listKey(KeyEvent event) {
        var selection = alternativesList.getSelectionModel();
        switch (event.getCode()) {
            case DOWN -> selection.select(Math.min(selection.getSelectedIndex() + 1,
                    alternativesList.getItems().size() - 1));
            case UP -> selection.select(Math.max(selection.getSelectedIndex() - 1, 0));
            case ENTER, TAB -> takeSelected();
            case ESCAPE -> listShown.set(false);
            default -> {
                listShown.set(false);
                return false;
            }
        }
        return true;
    }

    private void takeSelected() {
        Completion chosen = alternativesList.getSelectionModel().getSelectedItem();
        listShown.set(false);
        if (chosen != null) {
            write.choose(chosen);
            insert(write.acceptAll());
        }
        writeText.requestFocus();
    }

    /** Inserts at the caret through the text area, so that Undo takes it back. */
    private void insert(String accepted) {
        if (!accepted.isEmpty()) {
            writeText.insertText(writeText.getCaretPosition(), accepted);
        }
    }

    /** Puts the ghost just after the caret, and the list of alternatives under it. */
    private void placeAtCaret() {
        if (!(writeText.getSkin() instanceof TextAreaSkin skin)) {
            return;
        }
        Bounds caret = ghostLayer.sceneToLocal(writeText.localToScene(skin.getCaretBounds()));
        if (caret == null) {
            return;
        }
        ghostLabel.relocate(caret.getMaxX(), caret.getMinY());
        double below = caret.getMaxY() + 2;
        double fits = ghostLayer.getHeight() - alternativesList.getPrefHeight();
        alternativesList.relocate(Math.min(caret.getMinX(), Math.max(0, ghostLayer.getWidth()
                - alternativesList.getPrefWidth())), below <= fits || fits < 0 ? below
                : caret.getMinY() - alternativesList.getPrefHeight() - 2);
    }

    @FXML
    private void openText() {
        FileDialogs.openText(writeText, "Open a text to write on", write::open);
    }

    @FXML
    private void saveText() {
        exports.saveText(writeText.getText(), "writing.txt", writeText.getScene().getWindow());
    }
}
