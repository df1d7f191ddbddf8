package app.scribe.ui;

import app.scribe.analysis.NoveltyIndex;
import app.scribe.analysis.TextTrace;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
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
import javafx.scene.layout.FlowPane;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Generate tab: sampling settings, the streaming text, then the same text tinted by how likely the model found
 * each character. Hovering a character shows the model's five likeliest choices there; clicking a character holds
 * it, and clicking one of its alternatives regenerates the text from that point with that character.
 */
public final class GenerateController {
    /** Beyond this many characters the text is shown plain: one node per character would slow the window down. */
    private static final int MAX_TINTED_CHARACTERS = 20_000;

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
    @FXML private FlowPane alternativesBox;
    @FXML private Label alternativesLabel;

    private final List<Text> characters = new ArrayList<>();
    private int held = -1;

    public GenerateController(GenerationViewModel generation, Exports exports) {
        this.generation = generation;
        this.exports = exports;
    }

    @FXML
    private void initialize() {
        bindSettings();
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
    }

    private void bindSettings() {
        promptField.textProperty().bindBidirectional(generation.promptProperty());
        Keys.onShortcutEnter(promptField, generation::generate);
        lengthSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 100_000, 400, 100));
        lengthSpinner.getValueFactory().valueProperty().bindBidirectional(generation.lengthProperty());
        generationSeedField.textProperty().bindBidirectional(generation.seedProperty());
        stopAtField.textProperty().bindBidirectional(generation.stopAtProperty());
        sentenceEndCheck.selectedProperty().bindBidirectional(generation.stopAtSentenceEndProperty());
        greedyCheck.selectedProperty().bindBidirectional(generation.greedyProperty());
        temperatureSlider.valueProperty().bindBidirectional(generation.temperatureProperty());
        temperatureSlider.disableProperty().bind(greedyCheck.selectedProperty());
        temperatureLabel.textProperty().bind(Bindings.format("%.2f", generation.temperatureProperty()));
        topKSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(0, 4096, 0, 1));
        topKSpinner.getValueFactory().valueProperty().bindBidirectional(generation.topKProperty());
        topPSpinner.setValueFactory(new SpinnerValueFactory.DoubleSpinnerValueFactory(0.05, 1.0, 1.0, 0.05));
        topPSpinner.getValueFactory().valueProperty().bindBidirectional(generation.topPProperty());
        penaltySpinner.setValueFactory(new SpinnerValueFactory.DoubleSpinnerValueFactory(1.0, 10.0, 1.0, 0.1));
        penaltySpinner.getValueFactory().valueProperty().bindBidirectional(generation.repetitionPenaltyProperty());
        beamSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(0, 64, 0, 1));
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
        characters.clear();
        held = -1;
        clearAlternatives("Hover over a character to see what else the model considered; click it to hold it.");
        if (trace == null || trace.length() > MAX_TINTED_CHARACTERS) {
            colouredFlow.getChildren().clear();
            colouredFlow.setVisible(false);
            outputFlow.setVisible(true);
            return;
        }
        Text prompt = new Text(generation.shownPromptProperty().get());
        prompt.getStyleClass().add("prompt-text");
        List<javafx.scene.Node> nodes = new ArrayList<>();
        nodes.add(prompt);
        for (int i = 0; i < trace.length(); i++) {
            Text ch = new Text(new String(Character.toChars(trace.codePoint(i))));
            ch.getStyleClass().add("tinted-char");
            ch.setFill(Tints.confidence(trace.probability(i)));
            int position = i;
            ch.setOnMouseEntered(e -> {
                if (held < 0) {
                    showAlternatives(trace, position);
                }
            });
            ch.setOnMouseClicked(e -> {
                if (held >= 0) {
                    characters.get(held).getStyleClass().remove("held-char");
                }
                held = held == position ? -1 : position;
                if (held >= 0) {
                    ch.getStyleClass().add("held-char");
                }
                showAlternatives(trace, position);
            });
            characters.add(ch);
            nodes.add(ch);
        }
        colouredFlow.getChildren().setAll(nodes);
        colouredFlow.setVisible(true);
        outputFlow.setVisible(false);
    }

    private void underline(NoveltyIndex.Match match) {
        characters.forEach(ch -> ch.setUnderline(false));
        if (match != null && match.length() > 0) {
            for (int i = match.queryStart(); i < match.queryStart() + match.length() && i < characters.size(); i++) {
                characters.get(i).setUnderline(true);
            }
        }
    }

    private void showAlternatives(TextTrace trace, int position) {
        String ch = Tints.printable(trace.codePoint(position));
        String state = held == position ? " (held; click it again to let go)" : "";
        clearAlternatives(String.format(Locale.ROOT, "Character %d '%s' had p = %s%s. Instead:", position, ch,
                Tints.percent(trace.probability(position)), state));
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
    }

    private void clearAlternatives(String text) {
        alternativesLabel.setText(text);
        alternativesBox.getChildren().clear();
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
