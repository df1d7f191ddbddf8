package app.scribe.ui.books;

import app.scribe.corpus.Cleaning;
import app.scribe.ui.common.SpinnerInput;
import javafx.fxml.FXML;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;

/** The cleaning panel under the Books list (cleaning.fxml). */
public final class CleaningController {
    private final CleaningViewModel cleaning;

    @FXML private Label cleaningRemoved;
    @FXML private CheckBox asciiCheck;
    @FXML private CheckBox lowercaseCheck;
    @FXML private CheckBox rareCheck;
    @FXML private Spinner<Integer> rareBelowSpinner;
    @FXML private Label cleaningVocabulary;
    @FXML private Label cleaningRare;

    public CleaningController(CleaningViewModel cleaning) {
        this.cleaning = cleaning;
    }

    @FXML
    private void initialize() {
        cleaningRemoved.textProperty().bind(cleaning.removedProperty());
        cleaningVocabulary.textProperty().bind(cleaning.vocabularyProperty());
        cleaningRare.textProperty().bind(cleaning.rareCharactersProperty());
        asciiCheck.selectedProperty().bindBidirectional(cleaning.asciiProperty());
        lowercaseCheck.selectedProperty().bindBidirectional(cleaning.lowercaseProperty());
        rareCheck.selectedProperty().bindBidirectional(cleaning.rareProperty());
        SpinnerInput.integers(rareBelowSpinner, 2, Cleaning.MAX_RARE_BELOW, 1, cleaning.rareBelowProperty());
        SpinnerInput.guard(rareBelowSpinner, "The rare-character count", cleaning::reject);
        asciiCheck.setTooltip(new Tooltip("Accents dropped (é → e), typographic quotes and dashes made plain, every "
                + "other character outside ASCII removed: what the seed reports did"));
        rareCheck.setTooltip(new Tooltip("Characters seen fewer times than this in the books become one placeholder,"
                + " a character the text lacks; prompts get the same mapping"));
    }

    @FXML
    private void keepAsIs() {
        cleaning.keepAsIs();
    }
}
