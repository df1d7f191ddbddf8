package app.scribe.ui;

import app.scribe.model.CellType;
import app.scribe.persistence.ModelFile;
import javafx.scene.Parent;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;

import static app.scribe.ui.WindowProbe.label;
import static app.scribe.ui.WindowProbe.spinner;
import static app.scribe.ui.WindowProbe.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A cell's own settings in the training form: the tglstm's leak shows only for it, and the model records it. */
class CellSettingsFormTest extends VanityFairWindow {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void theTimeGatedCellsLeakIsAFieldOnlyForItAndTheModelRecordsIt(FxRobot robot) throws Exception {
        Parent root = stage.getScene().getRoot();
        @SuppressWarnings("unchecked")
        ListView<Path> books = robot.from(root).lookup("#corpusList").queryAs(ListView.class);
        robot.interact(() -> books.getSelectionModel().select(0));
        waitUntil(robot, root, () -> label(robot, root, "#corpusSummary").contains("distinct"));
        @SuppressWarnings("unchecked")
        ChoiceBox<CellType> cells = robot.from(root).lookup("#cellChoice").queryAs(ChoiceBox.class);
        assertTrue(robot.from(root).lookup("#leakSpinner").tryQuery().isEmpty(), "an LSTM has no leak");
        robot.interact(() -> cells.setValue(CellType.TGLSTM));
        @SuppressWarnings("unchecked")
        Spinner<Double> leak = robot.from(root).lookup("#leakSpinner").queryAs(Spinner.class);
        assertEquals(0.001, leak.getValue());
        assertEquals("0.001", WaitForAsyncUtils.asyncFx(() -> leak.getEditor().getText()).get(),
                "the leak's digits shown");
        assertTrue(leak.getTooltip().getText().startsWith("tglstm: the closed time gate's leak"));
        robot.interact(() -> {
            leak.getValueFactory().setValue(0.25);
            spinner(robot, root, "#hiddenSpinner").getValueFactory().setValue(16);
            spinner(robot, root, "#layersSpinner").getValueFactory().setValue(1);
            spinner(robot, root, "#stepsSpinner").getValueFactory().setValue(3);
        });
        robot.clickOn(robot.from(root).lookup("#trainButton").queryButton());
        waitUntil(robot, root, () -> label(robot, root, "#statusLabel").startsWith("Finished at step 3"));
        Path saved = folder.resolve("models").resolve("vf-tglstm.scribe");
        waitUntil(robot, root, () -> Files.exists(saved));
        assertEquals(0.25, new ModelFile().load(saved).model().hyperparameters().cellOptions().get("leak"));

        robot.interact(() -> cells.setValue(CellType.GRU));
        assertTrue(robot.from(root).lookup("#leakSpinner").tryQuery().isEmpty(), "a GRU has no leak");
    }
}
