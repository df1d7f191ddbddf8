package app.scribe.ui.training;

import app.scribe.model.CellType;
import app.scribe.model.Hyperparameters;
import app.scribe.model.Optimizer;
import app.scribe.training.CheckpointPolicy;
import app.scribe.training.TrainingHistory;
import app.scribe.training.TrainingPlan;
import app.scribe.ui.common.ChoiceLabels;
import app.scribe.ui.common.JobControls;
import app.scribe.ui.common.Keys;
import app.scribe.ui.common.SpinnerInput;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;

import java.util.List;

/**
 * The Train tab: the form, the controls, where the run stands, the live chart and the samples. The settings fold
 * away when a run starts, so that the chart has the height; while a model is loaded its shape is locked.
 */
public final class TrainingController {
    private final TrainingViewModel training;
    private final TrainingForm form;
    private final SizeAdviceViewModel sizeAdvice;
    private Runnable newModel = () -> { };
    private LossChart chart;

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
    @FXML private Spinner<Integer> budgetSpinner;
    @FXML private Spinner<Integer> autosaveSpinner;
    @FXML private Spinner<Integer> patienceSpinner;
    @FXML private Button trainButton;
    @FXML private Button pauseButton;
    @FXML private Button resumeButton;
    @FXML private Button stopButton;
    @FXML private Button resetButton;
    @FXML private ChoiceBox<String> unitsChoice;
    @FXML private Label statusLabel;
    @FXML private Label shapeLockLabel;
    @FXML private Label sizeAdviceLabel;
    @FXML private Label formProblemLabel;
    @FXML private ProgressBar trainingProgress;
    @FXML private TitledPane settingsPane;
    @FXML private LineChart<Number, Number> lossChart;
    @FXML private NumberAxis stepAxis;
    @FXML private NumberAxis lossAxis;
    @FXML private ListView<TrainingHistory.Sample> samplesList;

    public TrainingController(TrainingViewModel training, SizeAdviceViewModel sizeAdvice) {
        this.training = training;
        this.form = training.form();
        this.sizeAdvice = sizeAdvice;
    }

    /** What New model does: the window asks first about training that no file holds. */
    public void setOnNewModel(Runnable newModel) {
        this.newModel = newModel;
    }

    @FXML
    private void initialize() {
        bindForm();
        bindControls();
        chart = new LossChart(lossChart, stepAxis, lossAxis, training);
        unitsChoice.getItems().setAll(LossChart.NATS, LossChart.BITS);
        unitsChoice.setValue(LossChart.NATS);
        unitsChoice.valueProperty().addListener((obs, old, now) -> chart.showIn(now));
        pauseOnSpace();
        sizeAdviceLabel.textProperty().bind(sizeAdvice.adviceProperty());
    }

    private void bindForm() {
        // The ranges are the record's; the values come from the view model when the spinners are bound below.
        SpinnerInput.integers(hiddenSpinner, 1, Hyperparameters.MAX_HIDDEN_SIZE, 16, form.hiddenSizeProperty());
        SpinnerInput.integers(layersSpinner, 1, Hyperparameters.MAX_LAYERS, 1, form.layersProperty());
        SpinnerInput.integers(seqSpinner, 1, Hyperparameters.MAX_SEQ_LENGTH, 5, form.seqLengthProperty());
        SpinnerInput.integers(batchSpinner, 1, Hyperparameters.MAX_BATCH_SIZE, 8, form.batchSizeProperty());
        SpinnerInput.decimals(dropoutSpinner, 0, 0.85, 0.05, form.dropoutProperty());
        SpinnerInput.integers(stepsSpinner, 1, TrainingForm.MAX_STEPS, 500, form.stepsProperty());
        SpinnerInput.integers(budgetSpinner, 0, 1440, 1, form.budgetMinutesProperty());
        SpinnerInput.integers(autosaveSpinner, 0, (int) CheckpointPolicy.MAX_MINUTES, 1, form.autosaveMinutesProperty());
        SpinnerInput.integers(patienceSpinner, 0, TrainingPlan.MAX_PATIENCE, 1, form.patienceProperty());
        SpinnerInput.guard(hiddenSpinner, "Hidden units", form.problems());
        SpinnerInput.guard(layersSpinner, "Layers", form.problems());
        SpinnerInput.guard(seqSpinner, "Seq. length", form.problems());
        SpinnerInput.guard(batchSpinner, "Batch", form.problems());
        SpinnerInput.guard(dropoutSpinner, "Dropout", form.problems());
        SpinnerInput.guard(stepsSpinner, "Steps", form.problems());
        SpinnerInput.guard(budgetSpinner, "Train for (min)", form.problems());
        SpinnerInput.guard(autosaveSpinner, "Autosave", form.problems());
        SpinnerInput.guard(patienceSpinner, "Early stop after", form.problems());
        optimizerChoice.getItems().setAll(Optimizer.values());
        cellChoice.getItems().setAll(CellType.values());
        optimizerChoice.setConverter(new ChoiceLabels<>(Optimizer::label));
        cellChoice.setConverter(new ChoiceLabels<>(CellType::id));
        cellChoice.valueProperty().bindBidirectional(form.cellProperty());
        cellChoice.valueProperty().addListener((obs, old, now) -> cellChoice.setTooltip(
                now == null ? null : new Tooltip(now.description())));
        cellChoice.setTooltip(new Tooltip(form.cellProperty().get().description()));
        optimizerChoice.valueProperty().bindBidirectional(form.optimizerProperty());
        checkText(learningRateField, form.learningRateProperty());
        checkText(weightDecayField, form.weightDecayProperty());
        checkText(seedField, form.seedProperty());
        FormProblems.show(form, formProblemLabel, List.of(hiddenSpinner, layersSpinner, seqSpinner, batchSpinner,
                dropoutSpinner, stepsSpinner, budgetSpinner, autosaveSpinner, patienceSpinner));
    }

    /** {@code field} edits {@code text}, checked when it is left or entered, as a spinner's typed number is. */
    private void checkText(TextField field, StringProperty text) {
        field.textProperty().bindBidirectional(text);
        field.focusedProperty().addListener((obs, was, focused) -> {
            if (!focused) {
                form.commit(text);
            }
        });
        field.setOnAction(event -> form.check()); // Enter: this field's problem, or another's, or that all is well
        FormProblems.mark(form, field, text);
    }

    private void bindControls() {
        var phase = training.phaseProperty();
        BooleanBinding idle = Bindings.equal(phase, TrainingViewModel.Phase.IDLE);
        JobControls.startAndStop(idle.not(), stopButton, trainButton, resetButton);
        pauseButton.disableProperty().bind(Bindings.notEqual(phase, TrainingViewModel.Phase.RUNNING));
        resumeButton.disableProperty().bind(Bindings.notEqual(phase, TrainingViewModel.Phase.PAUSED));
        trainButton.setTooltip(new Tooltip("Train a new model, or continue the current one ("
                + Keys.TRAIN.getDisplayText() + ")"));
        statusLabel.textProperty().bind(training.statusProperty());
        trainingProgress.progressProperty().bind(training.progressProperty());
        trainingProgress.visibleProperty().bind(idle.not());
        for (Node field : List.of(seqSpinner, batchSpinner, dropoutSpinner, optimizerChoice, learningRateField,
                weightDecayField, seedField, stepsSpinner, autosaveSpinner, patienceSpinner)) {
            field.disableProperty().bind(idle.not());
        }
        // The shape of a model in use is its own: locked, with a sentence saying how to change it.
        BooleanBinding shapeFixed = idle.not().or(form.shapeLockedProperty());
        for (Node field : List.of(hiddenSpinner, layersSpinner, cellChoice, budgetSpinner)) {
            field.disableProperty().bind(shapeFixed);
        }
        CellSettingsForm.attach(cellChoice, form, shapeFixed); // the chosen cell's own settings, part of its shape
        // A model in use has its settings: they fold away for the chart; New model opens them for the next one.
        form.shapeLockedProperty().addListener((obs, old, locked) -> settingsPane.setExpanded(!locked));
        settingsPane.setExpanded(!form.shapeLockedProperty().get());
        shapeLockLabel.visibleProperty().bind(form.shapeLockedProperty());
        shapeLockLabel.managedProperty().bind(form.shapeLockedProperty());
        phase.addListener((obs, old, now) -> {
            if (old == TrainingViewModel.Phase.IDLE && now != TrainingViewModel.Phase.IDLE) {
                settingsPane.setExpanded(false); // the chart takes the height while a run goes
            }
        });
        samplesList.setItems(training.samples());
        Label noSamples = new Label("A run takes ten samples as it trains; they show here.");
        noSamples.setWrapText(true);
        samplesList.setPlaceholder(noSamples);
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

    @FXML private void train() { training.train(); }
    @FXML private void pause() { training.pause(); }
    @FXML private void resume() { training.resume(); }
    @FXML private void stop() { training.stop(); }
    @FXML private void resetModel() { newModel.run(); }

    public String units() {
        return unitsChoice.getValue();
    }

    /** Shows the loss in {@code units} when the chart offers them. */
    public void chooseUnits(String units) {
        if (unitsChoice.getItems().contains(units)) {
            unitsChoice.setValue(units);
        }
    }
}
