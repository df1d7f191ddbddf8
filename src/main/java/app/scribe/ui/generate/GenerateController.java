package app.scribe.ui.generate;

import app.scribe.ui.common.FileDialogs;
import app.scribe.corpus.RecordFormat;
import app.scribe.ui.common.Exports;
import app.scribe.ui.common.JobControls;
import app.scribe.ui.common.Keys;
import app.scribe.ui.common.SpinnerInput;

import app.scribe.corpus.Vocabulary;
import app.scribe.generation.BeamSearch;
import app.scribe.generation.CopyLimit;
import app.scribe.generation.SamplingSettings;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.text.Text;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextFlow;

import java.io.File;
import java.util.List;

/**
 * The Generate tab: sampling settings, the streaming text, then the same text tinted by how likely the model found
 * each character (a background from dark violet, unlikely, to yellow, expected). Hovering a character frames it
 * and shows the model's five likeliest choices there in a popup at the character; clicking a character holds the
 * popup, and clicking one of its alternatives regenerates the text from that point with that character.
 */
public final class GenerateController {
    /** The longest text the form asks for; the engine takes more ({@link app.scribe.generation.Generator#MAX_LENGTH}). */
    private static final int MAX_LENGTH = 100_000;
    /** Why Write 20 is off, said while a beam width is set. */
    static final String BEAM_OFF = "Write 20 is off while Beam width is above 0 (a beam search writes one text): "
            + "set it to 0 to write 20 samples.";

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
    @FXML private Label outputHint;
    @FXML private Label generationSummary;
    @FXML private VBox recordsBox;
    @FXML private StackPane outputArea;
    @FXML private Spinner<Integer> maxCopySpinner;
    @FXML private Button writeManyButton;
    @FXML private ProgressBar samplesProgressBar;
    @FXML private ToggleButton listToggle;
    @FXML private ListView<TextList.Entry> rankedList;
    @FXML private Label samplesStatus;
    @FXML private Label hoverHint;
    @FXML private Button exportStarredButton;
    private TintedText tinted;

    public GenerateController(GenerationViewModel generation, Exports exports) {
        this.generation = generation;
        this.exports = exports;
    }

    @FXML
    private void initialize() {
        bindSettings();
        tinted = new TintedText(generation, outputScroll, outputFlow, colouredFlow);
        bindSamples(bindRecords());
        Text prompt = new Text();
        prompt.getStyleClass().add("prompt-text");
        prompt.setId("promptText");
        prompt.textProperty().bind(generation.shownPromptProperty());
        Text continuation = new Text();
        continuation.getStyleClass().add("continuation-text");
        continuation.setId("continuationText");
        continuation.textProperty().bind(Bindings.createStringBinding(() -> RecordFormat.shown(
                generation.continuationProperty().get()).replace(RecordFormat.SHOWN_MARK,
                RecordFormat.SHOWN_MARK + "\n"), generation.continuationProperty()));
        outputFlow.getChildren().setAll(prompt, continuation);
        outputHint.visibleProperty().bind(generation.continuationProperty().isEmpty()
                .and(generation.generatingProperty().not()));
        generation.continuationProperty().addListener((obs, old, now) -> outputScroll.setVvalue(1.0));
        generationSummary.textProperty().bind(generation.summaryProperty());
        branchBox.setItems(generation.branches());
        generation.branches().addListener((javafx.collections.ListChangeListener<GenerationViewModel.Branch>) c ->
                branchBox.getSelectionModel().selectLast());
        branchBox.setOnAction(e -> generation.show(branchBox.getValue()));
        branchBox.disableProperty().bind(generation.generatingProperty());
        outputScroll.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                scene.addEventFilter(KeyEvent.KEY_PRESSED, this::onEscape);
            }
        });
    }

    private void bindSettings() {
        GenerationForm form = generation.form();
        promptField.textProperty().bindBidirectional(form.promptProperty());
        Keys.onShortcutEnter(promptField, generation::generate);
        SpinnerInput.integers(lengthSpinner, 1, MAX_LENGTH, 100, form.lengthProperty());
        generationSeedField.textProperty().bindBidirectional(form.seedProperty());
        stopAtField.textProperty().bindBidirectional(form.stopAtProperty());
        sentenceEndCheck.selectedProperty().bindBidirectional(form.stopAtSentenceEndProperty());
        greedyCheck.selectedProperty().bindBidirectional(form.greedyProperty());
        temperatureSlider.valueProperty().bindBidirectional(form.temperatureProperty());
        temperatureSlider.disableProperty().bind(greedyCheck.selectedProperty());
        temperatureLabel.textProperty().bind(Bindings.format("%.2f", form.temperatureProperty()));
        // Ranges from the settings' records (0 turns top-k and the beam off); values from the view model.
        SpinnerInput.integers(topKSpinner, 0, Vocabulary.MAX_SIZE, 1, form.topKProperty());
        SpinnerInput.decimals(topPSpinner, 0.05, 1.0, 0.05, form.topPProperty());
        SpinnerInput.decimals(penaltySpinner, 1.0, SamplingSettings.MAX_REPETITION_PENALTY, 0.1,
                form.repetitionPenaltyProperty());
        SpinnerInput.integers(beamSpinner, 0, BeamSearch.MAX_WIDTH, 1, form.beamWidthProperty());
        SpinnerInput.integers(maxCopySpinner, 0, CopyLimit.MAX, 5, form.maxCopyProperty());
        SpinnerInput.guard(lengthSpinner, "Length", form.problems());
        SpinnerInput.guard(topKSpinner, "Top-k", form.problems());
        SpinnerInput.guard(topPSpinner, "Top-p", form.problems());
        SpinnerInput.guard(penaltySpinner, "Repetition penalty", form.problems());
        SpinnerInput.guard(beamSpinner, "Beam width", form.problems());
        SpinnerInput.guard(maxCopySpinner, "Max copy", form.problems());
        BooleanBinding beamSearch = Bindings.createBooleanBinding(() -> form.beamWidthProperty().get() > 0,
                form.beamWidthProperty());
        for (var sampled : List.of(topKSpinner, topPSpinner, penaltySpinner, maxCopySpinner)) {
            sampled.disableProperty().bind(beamSearch);
        }
        BooleanBinding busy = generation.generatingProperty().or(generation.samples().writingProperty());
        JobControls.startAndStop(busy, stopGenerationButton, generateButton);
        writeManyButton.disableProperty().bind(busy.or(beamSearch));
        // A disabled button shows no tooltip: the hint under the text says why Write 20 is off.
        String hover = hoverHint.getText();
        hoverHint.textProperty().bind(Bindings.when(beamSearch).then(BEAM_OFF).otherwise(hover));
        JobControls.progress(searchProgressBar, generation.searchProgressShownProperty(),
                generation.searchProgressProperty());
    }


    /**
     * "Write 20 records", for a records model: its list takes the text's room while it lists records, until a new
     * text is written. Returns whether it does.
     */
    private BooleanBinding bindRecords() {
        RecordsView records = new RecordsView(generation);
        recordsBox.getChildren().setAll(records);
        BooleanBinding listing = records.listing();
        outputArea.visibleProperty().bind(listing.not());
        outputArea.managedProperty().bind(listing.not());
        listing.addListener((obs, old, now) -> VBox.setVgrow(recordsBox, now ? Priority.ALWAYS : Priority.NEVER));
        generation.generatingProperty().addListener((obs, old, now) -> {
            if (now) {
                records.clear();
            }
        });
        return listing;
    }

    /**
     * "Write 20": its button, progress and list; the list shows instead of the text while List is pressed. The text's
     * own lines hide too while {@code records} lists records instead of it.
     */
    private void bindSamples(BooleanBinding records) {
        SamplesViewModel samples = generation.samples();
        TextListView.attach(rankedList, samples.list());
        JobControls.progress(samplesProgressBar, samples.progressShownProperty(), samples.progressProperty());
        samplesStatus.textProperty().bind(samples.list().statusProperty());
        listToggle.disableProperty().bind(Bindings.isEmpty(samples.list().entries()));
        rankedList.visibleProperty().bind(listToggle.selectedProperty());
        outputScroll.visibleProperty().bind(listToggle.selectedProperty().not());
        for (Node listOnly : List.of(samplesStatus, exportStarredButton)) {
            listOnly.visibleProperty().bind(listToggle.selectedProperty());
            listOnly.managedProperty().bind(listToggle.selectedProperty());
        }
        BooleanBinding textShown = listToggle.selectedProperty().not().and(records.not());
        for (Node textOnly : List.of(generationSummary, hoverHint)) {
            textOnly.visibleProperty().bind(textShown);
            textOnly.managedProperty().bind(textShown);
        }
        exportStarredButton.disableProperty().bind(Bindings.equal(0, samples.list().starredCount()));
        samples.list().entries().addListener((ListChangeListener<TextList.Entry>) c ->
                listToggle.setSelected(!samples.list().entries().isEmpty()));
        generation.generatingProperty().addListener((obs, old, now) -> {
            if (now) {
                listToggle.setSelected(false);
            }
        });
    }

    /** Esc on the Generate tab: stops the text being written and lets go of the held character. */
    private void onEscape(KeyEvent event) {
        if (event.getCode() == KeyCode.ESCAPE && showing(generateButton)) {
            stopGeneration();
            tinted.hidePopup();
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
    @FXML private void writeMany() { generation.samples().write(); }

    @FXML
    private void stopGeneration() {
        generation.stop();
        generation.samples().stop();
    }
    @FXML private void temperatureLow() { presetTemperature(0.5); }
    @FXML private void temperatureOne() { presetTemperature(1.0); }
    @FXML private void temperatureHigh() { presetTemperature(2.0); }

    private void presetTemperature(double t) {
        greedyCheck.setSelected(false);
        generation.form().temperatureProperty().set(t);
    }

    @FXML
    private void copyOutput() {
        ClipboardContent content = new ClipboardContent();
        content.putString(generation.shownText());
        Clipboard.getSystemClipboard().setContent(content);
    }

    @FXML
    private void exportStarred() {
        File file = FileDialogs.save(rankedList.getScene().getWindow(), "starred.txt", "Text files", "*.txt");
        if (file != null) {
            generation.samples().exportStarred(file.toPath());
        }
    }

    @FXML
    private void saveText() {
        exports.saveText(generation.shownText(), "generated.txt", outputScroll.getScene().getWindow());
    }
}
