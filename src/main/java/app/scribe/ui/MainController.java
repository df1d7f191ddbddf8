package app.scribe.ui;

import app.scribe.model.CellType;
import app.scribe.model.Optimizer;
import app.scribe.model.Hyperparameters;
import app.scribe.training.CheckpointPolicy;
import app.scribe.training.TrainingHistory;
import app.scribe.training.TrainingPlan;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.ClipboardContent;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

/** Wires the FXML view to the view-models. Holds no logic of its own beyond formatting. */
public final class MainController {
    private static final double LN2 = Math.log(2);
    /** The chart thins its lines beyond this many points so that drawing stays cheap in long runs. */
    private static final int MAX_CHART_POINTS = 1500;

    private final CorpusViewModel corpus;
    private final SizeAdviceViewModel sizeAdvice;
    private final TrainingViewModel training;
    private final ModelFilesViewModel modelFiles;
    private final LibraryWindow library;

    @FXML private ListView<Path> corpusList;
    @FXML private ProgressBar corpusProgress;
    @FXML private Label corpusSummary;
    @FXML private Label sizeAdviceLabel;
    @FXML private TextArea corpusPreview;
    @FXML private Spinner<Integer> hiddenSpinner;
    @FXML private Spinner<Integer> layersSpinner;
    @FXML private Spinner<Integer> seqSpinner;
    @FXML private Spinner<Integer> batchSpinner;
    @FXML private ChoiceBox<CellType> cellChoice;
    @FXML private ChoiceBox<Optimizer> optimizerChoice;
    @FXML private TextField learningRateField;
    @FXML private TextField weightDecayField;
    @FXML private Spinner<Double> dropoutSpinner;
    @FXML private TextField seedField;
    @FXML private Spinner<Integer> stepsSpinner;
    @FXML private Spinner<Integer> autosaveSpinner;
    @FXML private Spinner<Integer> patienceSpinner;
    @FXML private Button trainButton;
    @FXML private Button pauseButton;
    @FXML private Button resumeButton;
    @FXML private Button stopButton;
    @FXML private Button resetButton;
    @FXML private ChoiceBox<String> unitsChoice;
    @FXML private Label statusLabel;
    @FXML private ProgressBar trainingProgress;
    @FXML private LineChart<Number, Number> lossChart;
    @FXML private NumberAxis lossAxis;
    @FXML private ListView<TrainingHistory.Sample> samplesList;
    @FXML private TextField modelNameField;
    @FXML private ComboBox<Path> savedModelsBox;
    @FXML private Button saveButton;
    @FXML private Button loadButton;
    @FXML private Button loadFileButton;
    @FXML private Button renameButton;
    @FXML private Button deleteButton;
    @FXML private SplitPane panes;
    private PaneDividers dividers;

    private final XYChart.Series<Number, Number> trainingSeries = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> validationSeries = new XYChart.Series<>();

    public MainController(CorpusViewModel corpus, SizeAdviceViewModel sizeAdvice, TrainingViewModel training,
                          ModelFilesViewModel modelFiles, LibraryWindow library) {
        this.corpus = corpus;
        this.sizeAdvice = sizeAdvice;
        this.training = training;
        this.modelFiles = modelFiles;
        this.library = library;
    }

    @FXML
    private void initialize() {
        bindCorpusPane();
        bindTrainingForm();
        bindTrainingControls();
        bindChart();
        bindModelFiles();
        dividers = new PaneDividers(panes);
    }

    private void bindCorpusPane() {
        corpusList.setItems(corpus.available());
        corpusList.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(Path book, boolean empty) {
                super.updateItem(book, empty);
                setText(empty || book == null ? null : corpus.label(book));
            }
        });
        corpusList.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        corpusList.getSelectionModel().getSelectedItems().addListener((ListChangeListener<Path>) change -> {
            List<Path> books = List.copyOf(corpusList.getSelectionModel().getSelectedItems());
            if (!books.isEmpty()) {
                corpus.load(books);
            }
        });
        corpusProgress.visibleProperty().bind(corpus.loadingProperty());
        corpusProgress.managedProperty().bind(corpus.loadingProperty());
        corpusProgress.setProgress(ProgressBar.INDETERMINATE_PROGRESS);
        corpusSummary.textProperty().bind(corpus.summaryProperty());
        sizeAdviceLabel.textProperty().bind(sizeAdvice.adviceProperty());
        corpusPreview.textProperty().bind(corpus.previewProperty());
    }

    private void bindTrainingForm() {
        // The ranges are the record's; the values come from the view model when the spinners are bound below.
        hiddenSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, Hyperparameters.MAX_HIDDEN_SIZE, 1, 16));
        layersSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, Hyperparameters.MAX_LAYERS));
        seqSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, Hyperparameters.MAX_SEQ_LENGTH, 1, 5));
        batchSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, Hyperparameters.MAX_BATCH_SIZE, 1, 8));
        dropoutSpinner.setValueFactory(new SpinnerValueFactory.DoubleSpinnerValueFactory(0, 0.85, 0, 0.05));
        stepsSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 100_000_000, 2000, 500));
        autosaveSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(0,
                (int) CheckpointPolicy.MAX_MINUTES, 5));
        patienceSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(0, TrainingPlan.MAX_PATIENCE, 0));
        optimizerChoice.getItems().setAll(Optimizer.values());
        cellChoice.getItems().setAll(CellType.values());
        optimizerChoice.setConverter(new ChoiceLabels<>(Optimizer::label));
        cellChoice.setConverter(new ChoiceLabels<>(CellType::id));
        cellChoice.valueProperty().bindBidirectional(training.cellProperty());
        cellChoice.valueProperty().addListener((obs, old, now) -> cellChoice.setTooltip(
                now == null ? null : new Tooltip(now.description())));
        cellChoice.setTooltip(new Tooltip(training.cellProperty().get().description()));
        bindInteger(hiddenSpinner, training.hiddenSizeProperty());
        bindInteger(layersSpinner, training.layersProperty());
        bindInteger(seqSpinner, training.seqLengthProperty());
        bindInteger(batchSpinner, training.batchSizeProperty());
        bindInteger(stepsSpinner, training.stepsProperty());
        bindInteger(autosaveSpinner, training.autosaveMinutesProperty());
        bindInteger(patienceSpinner, training.patienceProperty());
        dropoutSpinner.getValueFactory().valueProperty().bindBidirectional(training.dropoutProperty());
        optimizerChoice.valueProperty().bindBidirectional(training.optimizerProperty());
        learningRateField.textProperty().bindBidirectional(training.learningRateProperty());
        weightDecayField.textProperty().bindBidirectional(training.weightDecayProperty());
        seedField.textProperty().bindBidirectional(training.seedProperty());
    }

    private static void bindInteger(Spinner<Integer> spinner, javafx.beans.property.Property<Integer> property) {
        spinner.getValueFactory().valueProperty().bindBidirectional(property);
    }

    private void bindTrainingControls() {
        var phase = training.phaseProperty();
        var idle = Bindings.equal(phase, TrainingViewModel.Phase.IDLE);
        trainButton.disableProperty().bind(idle.not());
        resetButton.disableProperty().bind(idle.not());
        pauseButton.disableProperty().bind(Bindings.notEqual(phase, TrainingViewModel.Phase.RUNNING));
        resumeButton.disableProperty().bind(Bindings.notEqual(phase, TrainingViewModel.Phase.PAUSED));
        stopButton.disableProperty().bind(idle);
        trainButton.setTooltip(new Tooltip("Train a new model, or continue the current one ("
                + Keys.TRAIN.getDisplayText() + ")"));
        statusLabel.textProperty().bind(training.statusProperty());
        trainingProgress.progressProperty().bind(training.progressProperty());
        trainingProgress.visibleProperty().bind(idle.not());
        trainingProgress.managedProperty().bind(idle.not());
        for (var field : List.of(hiddenSpinner, layersSpinner, seqSpinner, batchSpinner, dropoutSpinner, cellChoice,
                optimizerChoice, learningRateField, weightDecayField, seedField, stepsSpinner, autosaveSpinner,
                patienceSpinner)) {
            field.disableProperty().bind(idle.not());
        }
        CellSettingsForm.attach(cellChoice, training, idle.not());
        samplesList.setItems(training.samples());
        samplesList.setCellFactory(list -> new ListCell<>() {
            {
                setWrapText(true);
                setPrefWidth(0);
            }

            @Override
            protected void updateItem(TrainingHistory.Sample sample, boolean empty) {
                super.updateItem(sample, empty);
                setText(empty || sample == null ? null : String.format("step %d · T %.1f:  %s", sample.step(),
                        sample.temperature(), sample.text().replace('\n', ' ')));
            }
        });
        training.samples().addListener((ListChangeListener<TrainingHistory.Sample>) c ->
                samplesList.scrollTo(Math.max(0, training.samples().size() - 1)));
    }

    private void bindChart() {
        trainingSeries.setName("training (smoothed)");
        validationSeries.setName("validation");
        lossChart.getData().setAll(List.of(trainingSeries, validationSeries));
        unitsChoice.getItems().setAll("nats/char", "bits/char");
        unitsChoice.setValue("nats/char");
        unitsChoice.valueProperty().addListener((obs, old, now) -> {
            training.bitsPerCharProperty().set("bits/char".equals(now));
            redraw();
        });
        follow(training.trainingLoss(), trainingSeries);
        follow(training.validationLoss(), validationSeries);
        redraw();
        pauseOnSpace();
    }

    private void follow(ObservableList<TrainingHistory.Point> points, XYChart.Series<Number, Number> series) {
        points.addListener((ListChangeListener<TrainingHistory.Point>) change -> {
            while (change.next()) {
                if (change.wasRemoved() || change.getFrom() == 0) {
                    redraw();
                    return;
                }
                change.getAddedSubList().forEach(p -> series.getData().add(toData(p)));
                thin(series);
            }
        });
    }

    private void redraw() {
        lossAxis.setLabel(unitsChoice.getValue());
        trainingSeries.getData().setAll(training.trainingLoss().stream().map(this::toData).toList());
        validationSeries.getData().setAll(training.validationLoss().stream().map(this::toData).toList());
        thin(trainingSeries);
        for (var series : List.of(trainingSeries, validationSeries)) {
            if (series.getData().isEmpty() && series.getNode() instanceof javafx.scene.shape.Path line) {
                line.getElements().clear(); // LineChart keeps drawing an emptied series' old line, rescaled
            }
        }
    }

    private XYChart.Data<Number, Number> toData(TrainingHistory.Point p) {
        double scale = training.bitsPerCharProperty().get() ? 1 / LN2 : 1;
        return new XYChart.Data<>(p.step(), p.loss() * scale);
    }

    private static void thin(XYChart.Series<Number, Number> series) {
        var data = series.getData();
        if (data.size() > MAX_CHART_POINTS) {
            List<XYChart.Data<Number, Number>> kept = new java.util.ArrayList<>();
            for (int i = 0; i < data.size(); i++) {
                if (i % 2 == 0 || i == data.size() - 1) {
                    kept.add(data.get(i));
                }
            }
            data.setAll(kept);
        }
    }

    private void bindModelFiles() {
        modelNameField.textProperty().bindBidirectional(modelFiles.nameProperty());
        keepChosenModelWhenTheListMoves();
        savedModelsBox.setCellFactory(list -> ModelCards.cell(modelFiles.summariesProperty(), false));
        savedModelsBox.setButtonCell(ModelCards.cell(modelFiles.summariesProperty(), true));
        for (Button button : List.of(loadButton, renameButton, deleteButton)) {
            button.disableProperty().bind(savedModelsBox.valueProperty().isNull());
        }
    }

    /**
     * Shows the saved models. The list follows the folder newest first, so saving a file moves it to the top (out of
     * the list and back in), and the picker would drop or shift its choice: the file the user chose stays chosen
     * while it is listed. Choices the picker makes itself during a change of the list are not the user's.
     */
    private void keepChosenModelWhenTheListMoves() {
        ObservableList<Path> files = modelFiles.savedModels();
        boolean[] moving = {false};
        Path[] chosen = {null};
        // This listener runs before the picker's own (added later, some only when its skin is made); the choice is
        // put back once the whole change, and what the picker did about it, is over.
        files.addListener((ListChangeListener<Path>) change -> {
            if (!moving[0]) {
                moving[0] = true;
                Platform.runLater(() -> {
                    moving[0] = false;
                    if (chosen[0] != null && files.contains(chosen[0])) {
                        savedModelsBox.setValue(chosen[0]);
                    }
                });
            }
        });
        savedModelsBox.setItems(files);
        savedModelsBox.valueProperty().addListener((obs, old, now) -> {
            if (!moving[0] && now != null) {
                chosen[0] = now;
            }
        });
    }

    @FXML private void train() { training.train(); }
    @FXML private void pause() { training.pause(); }
    @FXML private void resume() { training.resume(); }
    @FXML private void stop() { training.stop(); }
    @FXML private void resetModel() { new NewModelGuard(training, modelFiles).newModel(window()); }
    @FXML private void saveModel() { modelFiles.save(); }
    @FXML private void checkModelName() { modelFiles.checkName(); }
    @FXML private void checkTrainingForm() { training.checkForm(); }
    @FXML private void openLab() { app.scribe.ui.lab.LabWindow.open(window()); }

    @FXML
    private void renameSelectedModel() {
        Path selected = savedModelsBox.getValue();
        if (selected != null) {
            ModelCards.askNewName(window(), selected).ifPresent(name -> modelFiles.rename(selected, name));
        }
    }

    @FXML
    private void deleteSelectedModel() {
        Path selected = savedModelsBox.getValue();
        if (selected != null && ModelCards.confirmDelete(window(), selected)) {
            modelFiles.delete(selected);
        }
    }

    @FXML
    private void loadSelectedModel() {
        Path selected = savedModelsBox.getValue();
        if (selected != null) {
            modelFiles.load(selected);
        }
    }

    /** Space on the chart (once clicked) pauses a run, or resumes a paused one. */
    private void pauseOnSpace() {
        lossChart.setFocusTraversable(true);
        lossChart.setOnMouseClicked(event -> lossChart.requestFocus());
        lossChart.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.SPACE) {
                if (training.phaseProperty().get() == TrainingViewModel.Phase.PAUSED) {
                    training.resume();
                } else {
                    training.pause();
                }
                event.consume();
            }
        });
    }

    @FXML
    void openCorpus() {
        File file = FileDialogs.openText(window(), "Open a text file");
        if (file != null) {
            corpus.load(file.toPath());
        }
    }

    @FXML private void findBooks() { library.show(window()); }

    @FXML
    void loadModelFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Load a Scribe model");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Scribe models", "*.scribe"));
        File file = chooser.showOpenDialog(window());
        if (file != null) {
            modelFiles.load(file.toPath());
        }
    }

    /** Picks the books in the list when they are all there, else opens them as files of their own. */
    void pickBooks(List<Path> books) {
        if (corpusList.getItems().containsAll(books)) {
            corpusList.getSelectionModel().clearSelection();
            books.forEach(book -> corpusList.getSelectionModel().select(book));
        } else {
            corpus.load(books);
        }
    }

    PaneDividers dividers() {
        return dividers;
    }

    String units() {
        return unitsChoice.getValue();
    }

    /** Shows the loss in {@code units} when the chart offers them. */
    void chooseUnits(String units) {
        if (unitsChoice.getItems().contains(units)) {
            unitsChoice.setValue(units);
        }
    }

    Window window() {
        return trainButton.getScene().getWindow();
    }
}
