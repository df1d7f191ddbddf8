package app.scribe.ui.generate;

import app.scribe.ui.common.Exports;
import app.scribe.ui.common.Keys;
import app.scribe.ui.common.Tints;

import app.scribe.analysis.NoveltyIndex;
import app.scribe.analysis.TextTrace;
import app.scribe.corpus.Vocabulary;
import app.scribe.generation.BeamSearch;
import app.scribe.generation.SamplingSettings;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.CornerRadii;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Popup;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Generate tab: sampling settings, the streaming text, then the same text tinted by how likely the model found
 * each character (a background from dark violet, unlikely, to yellow, expected). Hovering a character frames it
 * and shows the model's five likeliest choices there in a popup at the character; clicking a character holds the
 * popup, and clicking one of its alternatives regenerates the text from that point with that character.
 */
public final class GenerateController {
    /** Beyond this many characters the text is shown plain: one node per character would slow the window down. */
    private static final int MAX_TINTED_CHARACTERS = 5_000;
    private static final double POPUP_WIDTH = 420;
    /** The longest text the form asks for; the engine takes more ({@link app.scribe.generation.Generator#MAX_LENGTH}). */
    private static final int MAX_LENGTH = 100_000;

    private final GenerationViewModel generation;
    private final Exports exports;

    @FXML private TextField promptField;
    @FXML private Spinner<Integer> lengthSpinner;
    @FXML private TextField generationSeedField;
    @FXML private TextField stopAtField;
    @FXML private CheckBox sentenceEndCheck;
    @FXML private CheckBox greedyCheck;
    @FXML private Slider temperatureSlider;
    @FXML private Label temperatureLabel;
    @FXML private Spinner<Integer> topKSpinner;
    @FXML private Spinner<Double> topPSpinner;
    @FXML private Spinner<Double> penaltySpinner;
    @FXML private Spinner<Integer> beamSpinner;
    @FXML private Button generateButton;
    @FXML private Button stopGenerationButton;
    @FXML private ProgressBar searchProgressBar;
    @FXML private ComboBox<GenerationViewModel.Branch> branchBox;
    @FXML private ScrollPane outputScroll;
    @FXML private TextFlow outputFlow;
    @FXML private TextFlow colouredFlow;
    @FXML private Label generationSummary;
    @FXML private VBox recordsBox;

    private final Label alternativesLabel = new Label();
    private final FlowPane alternativesBox = new FlowPane(4, 4);
    private final VBox popupContent = new VBox(alternativesLabel, alternativesBox);
    /** The hovered character's alternatives, shown at the character like a spelling suggestion. */
    private final Popup alternativesPopup = new Popup();
    /** The continuation's characters: a label per character, a text per newline. */
    private final List<Node> characters = new ArrayList<>();
    private int held = -1;
    private int hovered = -1;

    public GenerateController(GenerationViewModel generation, Exports exports) {
        this.generation = generation;
        this.exports = exports;
    }

    @FXML
    private void initialize() {
        bindSettings();
        recordsBox.getChildren().setAll(new RecordsView(generation));
        Text prompt = new Text();
        prompt.getStyleClass().add("prompt-text");
        prompt.setId("promptText");
        prompt.textProperty().bind(generation.shownPromptProperty());
        Text continuation = new Text();
        continuation.getStyleClass().add("continuation-text");
        continuation.setId("continuationText");
        continuation.textProperty().bind(generation.continuationProperty());
        outputFlow.getChildren().setAll(prompt, continuation);
        generation.continuationProperty().addListener((obs, old, now) -> outputScroll.setVvalue(1.0));
        generation.traceProperty().addListener((obs, old, now) -> showTinted(now));
        generation.longestCopyProperty().addListener((obs, old, now) -> underline(now));
        generationSummary.textProperty().bind(generation.summaryProperty());
        branchBox.setItems(generation.branches());
        generation.branches().addListener((javafx.collections.ListChangeListener<GenerationViewModel.Branch>) c ->
                branchBox.getSelectionModel().selectLast());
        branchBox.setOnAction(e -> generation.show(branchBox.getValue()));
        branchBox.disableProperty().bind(generation.generatingProperty());
        buildPopup();
        outputScroll.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                scene.addEventFilter(KeyEvent.KEY_PRESSED, this::onEscape);
            }
        });
    }

    private void buildPopup() {
        alternativesLabel.setId("alternativesLabel");
        alternativesLabel.setWrapText(true);
        alternativesLabel.setMaxWidth(POPUP_WIDTH);
        alternativesBox.setId("alternativesBox");
        alternativesBox.setPrefWrapLength(POPUP_WIDTH);
        popupContent.setId("alternativesPopup");
        popupContent.getStyleClass().add("alternatives-popup");
        alternativesPopup.getContent().add(popupContent);
        alternativesPopup.setAutoHide(true);
        alternativesPopup.setConsumeAutoHidingEvents(false);
        alternativesPopup.setOnHidden(e -> {
            held = -1;
            highlight(-1);
        });
        outputScroll.vvalueProperty().addListener((obs, old, now) -> alternativesPopup.hide());
        colouredFlow.setOnMouseExited(e -> {
            if (held < 0) {
                alternativesPopup.hide();
            }
        });
    }

    private void bindSettings() {
        promptField.textProperty().bindBidirectional(generation.promptProperty());
        Keys.onShortcutEnter(promptField, generation::generate);
        lengthSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, MAX_LENGTH,
                generation.lengthProperty().get(), 100));
        lengthSpinner.getValueFactory().valueProperty().bindBidirectional(generation.lengthProperty());
        generationSeedField.textProperty().bindBidirectional(generation.seedProperty());
        stopAtField.textProperty().bindBidirectional(generation.stopAtProperty());
        sentenceEndCheck.selectedProperty().bindBidirectional(generation.stopAtSentenceEndProperty());
        greedyCheck.selectedProperty().bindBidirectional(generation.greedyProperty());
        temperatureSlider.valueProperty().bindBidirectional(generation.temperatureProperty());
        temperatureSlider.disableProperty().bind(greedyCheck.selectedProperty());
        temperatureLabel.textProperty().bind(Bindings.format("%.2f", generation.temperatureProperty()));
        // Ranges from the settings' records (0 turns top-k and the beam off); values from the view model.
        topKSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(0, Vocabulary.MAX_SIZE));
        topKSpinner.getValueFactory().valueProperty().bindBidirectional(generation.topKProperty());
        topPSpinner.setValueFactory(new SpinnerValueFactory.DoubleSpinnerValueFactory(0.05, 1.0,
                generation.topPProperty().get(), 0.05));
        topPSpinner.getValueFactory().valueProperty().bindBidirectional(generation.topPProperty());
        penaltySpinner.setValueFactory(new SpinnerValueFactory.DoubleSpinnerValueFactory(1.0,
                SamplingSettings.MAX_REPETITION_PENALTY, generation.repetitionPenaltyProperty().get(), 0.1));
        penaltySpinner.getValueFactory().valueProperty().bindBidirectional(generation.repetitionPenaltyProperty());
        beamSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(0, BeamSearch.MAX_WIDTH));
        beamSpinner.getValueFactory().valueProperty().bindBidirectional(generation.beamWidthProperty());
        for (var sampled : List.of(topKSpinner, topPSpinner, penaltySpinner)) {
            sampled.disableProperty().bind(Bindings.createBooleanBinding(() -> generation.beamWidthProperty().get() > 0,
                    generation.beamWidthProperty()));
        }
        generateButton.disableProperty().bind(generation.generatingProperty());
        stopGenerationButton.disableProperty().bind(generation.generatingProperty().not());
        searchProgressBar.visibleProperty().bind(generation.searchProgressShownProperty());
        searchProgressBar.managedProperty().bind(generation.searchProgressShownProperty());
        searchProgressBar.progressProperty().bind(generation.searchProgressProperty());
    }

    /** Replaces the plain text by one tinted node per character once the model has read the text back. */
    private void showTinted(TextTrace trace) {
        alternativesPopup.hide();
        characters.clear();
        held = -1;
        hovered = -1;
        if (trace == null || trace.length() > MAX_TINTED_CHARACTERS) {
            colouredFlow.getChildren().clear();
            colouredFlow.setVisible(false);
            outputFlow.setVisible(true);
            return;
        }
        Text prompt = new Text(generation.shownPromptProperty().get());
        prompt.getStyleClass().add("prompt-text");
        List<Node> nodes = new ArrayList<>();
        nodes.add(prompt);
        for (int i = 0; i < trace.length(); i++) {
            Node ch = tinted(trace.codePoint(i), trace.probability(i));
            int position = i;
            ch.setOnMouseEntered(e -> {
                if (held < 0) {
                    showAlternatives(trace, position);
                }
            });
            ch.setOnMouseClicked(e -> {
                held = position;
                showAlternatives(trace, position);
            });
            characters.add(ch);
            nodes.add(ch);
        }
        colouredFlow.getChildren().setAll(nodes);
        colouredFlow.setVisible(true);
        outputFlow.setVisible(false);
    }

    /** A character on a background of its probability, in black or white, whichever reads better on it. */
    private static Node tinted(int codePoint, double probability) {
        if (codePoint == '\n') {
            Text newline = new Text("\n");
            newline.getStyleClass().add("tinted-char");
            return newline;
        }
        Label ch = new Label(new String(Character.toChars(codePoint)));
        Color background = Tints.confidence(probability);
        ch.getStyleClass().add("tinted-char");
        ch.setPadding(Insets.EMPTY);
        ch.setBackground(new Background(new BackgroundFill(background, CornerRadii.EMPTY, Insets.EMPTY)));
        ch.setTextFill(Tints.textOn(background));
        return ch;
    }

    private void underline(NoveltyIndex.Match match) {
        for (Node ch : characters) {
            setUnderline(ch, false);
        }
        if (match != null && match.length() > 0) {
            for (int i = match.queryStart(); i < match.queryStart() + match.length() && i < characters.size(); i++) {
                setUnderline(characters.get(i), true);
            }
        }
    }

    private static void setUnderline(Node ch, boolean underline) {
        if (ch instanceof Label label) {
            label.setUnderline(underline);
        }
    }

    /** Fills the popup with the model's alternatives at {@code position} and shows it just below that character. */
    private void showAlternatives(TextTrace trace, int position) {
        highlight(position);
        String ch = Tints.printable(trace.codePoint(position));
        String state = held == position ? " (held; click elsewhere or press Esc to let go)" : "";
        alternativesLabel.setText(String.format(Locale.ROOT, "Character %d '%s' had p = %s%s. Instead:", position,
                ch, Tints.percent(trace.probability(position)), state));
        alternativesBox.getChildren().clear();
        List<TextTrace.Alternative> alternatives = trace.alternatives(position);
        for (int k = 0; k < alternatives.size(); k++) {
            TextTrace.Alternative alternative = alternatives.get(k);
            String character = generation.characterOf(alternative.index());
            Button button = new Button("'" + Tints.printable(character.codePointAt(0)) + "' "
                    + Tints.percent(alternative.probability()));
            button.setId("alternative" + k);
            button.disableProperty().bind(generation.generatingProperty());
            button.setOnAction(e -> generation.branch(position, character));
            alternativesBox.getChildren().add(button);
        }
        Node anchor = characters.get(position);
        Bounds bounds = anchor.localToScreen(anchor.getLayoutBounds());
        if (bounds == null) {
            return;
        }
        if (alternativesPopup.isShowing()) {
            alternativesPopup.setX(bounds.getMinX());
            alternativesPopup.setY(bounds.getMaxY() + 2);
        } else {
            popupContent.getStylesheets().setAll(anchor.getScene().getStylesheets());
            alternativesPopup.show(anchor.getScene().getWindow(), bounds.getMinX(), bounds.getMaxY() + 2);
        }
    }

    /** Marks the hovered (or held) character; -1 marks none. */
    private void highlight(int position) {
        if (hovered >= 0 && hovered < characters.size()) {
            characters.get(hovered).getStyleClass().remove("hovered-char");
        }
        hovered = position;
        if (position >= 0) {
            characters.get(position).getStyleClass().add("hovered-char");
        }
    }

    /** Esc on the Generate tab: stops the text being written and lets go of the held character. */
    private void onEscape(KeyEvent event) {
        if (event.getCode() == KeyCode.ESCAPE && showing(outputScroll)) {
            generation.stop();
            alternativesPopup.hide();
        }
    }

    /** Whether the node and all its parents are visible: the tab it is on is the selected one. */
    private static boolean showing(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }

    @FXML private void generate() { generation.generate(); }
    @FXML private void stopGeneration() { generation.stop(); }
    @FXML private void temperatureLow() { presetTemperature(0.5); }
    @FXML private void temperatureOne() { presetTemperature(1.0); }
    @FXML private void temperatureHigh() { presetTemperature(2.0); }

    private void presetTemperature(double t) {
        greedyCheck.setSelected(false);
        generation.temperatureProperty().set(t);
    }

    @FXML
    private void copyOutput() {
        ClipboardContent content = new ClipboardContent();
        content.putString(generation.shownText());
        Clipboard.getSystemClipboard().setContent(content);
    }

    @FXML
    private void saveText() {
        exports.saveText(generation.shownText(), "generated.txt", outputScroll.getScene().getWindow());
    }
}
