package app.scribe.ui;

import app.scribe.ui.shell.MessageBar;

import app.scribe.model.CellType;
import app.scribe.model.Hyperparameters;
import app.scribe.persistence.ModelFile;
import javafx.scene.Parent;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;

import static app.scribe.ui.WindowProbe.click;
import static app.scribe.ui.WindowProbe.label;
import static app.scribe.ui.WindowProbe.spinner;
import static app.scribe.ui.WindowProbe.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The cell and weight decay in the training form: a bad weight decay gets a message; a GRU chosen from the list
 * (its tooltip says what it is) with a weight decay trains, is saved as such, and the Inside tab shows its h.
 */
class CellChoiceTest extends VanityFairWindow {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void aGruWithWeightDecayTrainsIsSavedAndShowsItsH(FxRobot robot) {
        Parent root = stage.getScene().getRoot();
        @SuppressWarnings("unchecked")
        ListView<Path> books = robot.from(root).lookup("#corpusList").queryAs(ListView.class);
        robot.interact(() -> books.getSelectionModel().select(0));
        waitUntil(robot, root, () -> label(robot, root, "#corpusSummary").contains("distinct"));
        robot.interact(() -> {
            spinner(robot, root, "#hiddenSpinner").getValueFactory().setValue(32);
            spinner(robot, root, "#layersSpinner").getValueFactory().setValue(1);
            spinner(robot, root, "#batchSpinner").getValueFactory().setValue(16);
            spinner(robot, root, "#stepsSpinner").getValueFactory().setValue(30);
        });
        TextField decay = robot.from(root).lookup("#weightDecayField").queryAs(TextField.class);
        click(robot, decay).eraseText(decay.getText().length()).write("-1");
        click(robot, robot.from(root).lookup("#trainButton").queryButton());
        MessageBar notifications = robot.from(root).lookup("#notifications").queryAs(MessageBar.class);
        waitUntil(robot, root, () -> notifications.getText() != null
                && notifications.getText().contains("Weight decay must be between 0 and 1"));

        click(robot, decay).eraseText(decay.getText().length()).write("1e-4");
        @SuppressWarnings("unchecked")
        ChoiceBox<CellType> cells = robot.from(root).lookup("#cellChoice").queryAs(ChoiceBox.class);
        click(robot, cells);
        robot.clickOn("gru");
        assertEquals(CellType.GRU, cells.getValue());
        assertEquals(CellType.GRU.description(), cells.getTooltip().getText());
        click(robot, robot.from(root).lookup("#trainButton").queryButton());
        waitUntil(robot, root, () -> label(robot, root, "#statusLabel").startsWith("Finished at step 30"));

        Path saved = folder.resolve("models").resolve("vf-gru.scribe");
        waitUntil(robot, root, () -> Files.exists(saved));
        Hyperparameters hp = new ModelFile().load(saved).model().hyperparameters();
        assertEquals(CellType.GRU, hp.cell());
        assertEquals(1e-4, hp.weightDecay());

        TabPane tabs = robot.from(root).lookup("#studioTabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(3));
        TextArea text = robot.from(root).lookup("#cellsText").queryAs(TextArea.class);
        robot.interact(() -> text.setText("She said \"yes\"."));
        click(robot, robot.from(root).lookup("#readButton").queryButton());
        TextFlow heatmap = robot.from(root).lookup("#heatmap").queryAs(TextFlow.class);
        waitUntil(robot, root, () -> heatmap.getChildren().size() == 15);
        assertTrue(label(robot, root, "#cellLabel").contains("of the gru: h,"), label(robot, root, "#cellLabel"));
    }
}
