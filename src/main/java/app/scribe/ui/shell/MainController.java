package app.scribe.ui.shell;

import app.scribe.ui.books.BooksController;
import app.scribe.ui.lab.LabWindow;
import app.scribe.ui.models.ModelsController;
import app.scribe.ui.training.TrainingController;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.nio.file.Path;
import java.util.List;

/**
 * The window's frame: the tool bar, the Books column and the tabs, with the Train tab first. Each pane has its own
 * view and controller (books.fxml, training.fxml, models.fxml and one per studio tab); this one joins them.
 */
public final class MainController {
    private final Runnable newModel;

    @FXML private SplitPane panes;
    @FXML private TabPane studioTabs;
    @FXML private Tab trainTab;
    @FXML private Tab generateTab;
    @FXML private Button labButton;
    @FXML private BooksController booksController;
    @FXML private TrainingController trainingController;
    @FXML private ModelsController modelsController;
    private PaneDividers dividers;
    private Stage lab;

    /** {@code newModel} is what New model does (asking first about training that no file holds). */
    public MainController(Runnable newModel) {
        this.newModel = newModel;
    }

    @FXML
    private void initialize() {
        trainingController.setOnNewModel(newModel);
        dividers = new PaneDividers(panes);
    }

    /** Opens the Lab, or brings the one already open to the front: there is one Lab window at a time. */
    @FXML
    private void openLab() {
        if (lab != null && lab.isShowing()) {
            lab.setIconified(false);
            lab.toFront();
            lab.requestFocus();
        } else {
            lab = LabWindow.open(window());
        }
    }

    void openCorpus() {
        booksController.openCorpus();
    }

    void loadModelFile() {
        modelsController.loadModelFile();
    }

    /**
     * Gives the focus to the tabs: the window opens with no field focused, so the model's name is not selected, ready
     * to be typed over.
     */
    void focusStudio() {
        studioTabs.requestFocus();
    }

    /** Brings the Train tab to the front: where a run's chart and status are. */
    void showTraining() {
        studioTabs.getSelectionModel().select(trainTab);
    }

    /** Brings the Generate tab to the front, where a generated text shows. */
    void showGenerate() {
        studioTabs.getSelectionModel().select(generateTab);
    }

    void pickBooks(List<Path> books) {
        booksController.pickBooks(books);
    }

    PaneDividers dividers() {
        return dividers;
    }

    String units() {
        return trainingController.units();
    }

    void chooseUnits(String units) {
        trainingController.chooseUnits(units);
    }

    Window window() {
        return labButton.getScene().getWindow();
    }
}
