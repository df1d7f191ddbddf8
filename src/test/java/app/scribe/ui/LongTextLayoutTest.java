package app.scribe.ui;

import javafx.scene.Parent;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

import static app.scribe.ui.WindowProbe.click;
import static app.scribe.ui.WindowProbe.trainSmallModel;
import static app.scribe.ui.WindowProbe.waitUntil;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A long text of short lines read in Inside (100 000 characters; the heatmap shows its start, some 200 lines) scrolls
 * in its heatmap: the list of cells and the text above it keep their room.
 */
class LongTextLayoutTest extends VanityFairWindow {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void insideKeepsTheInterestingCellsBesideALongText(FxRobot robot) {
        Parent root = stage.getScene().getRoot();
        robot.interact(() -> {
            stage.setWidth(1280);
            stage.setHeight(800);
        });
        trainSmallModel(robot, root, "vf.txt", 20);
        TextArea text = robot.from(root).lookup("#cellsText").queryAs(TextArea.class);
        robot.interact(() -> text.setText("It is a truth.\n".repeat(6_700)));
        click(robot, robot.from(root).lookup("#readButton").queryButton());
        ListView<?> interesting = robot.from(root).lookup("#interestingList").queryAs(ListView.class);
        TextFlow heatmap = robot.from(root).lookup("#heatmap").queryAs(TextFlow.class);
        // Once the heatmap is laid out, far taller than the window, the list and the text above keep their room.
        waitUntil(robot, root, () -> heatmap.getHeight() > 2_000 && !interesting.getItems().isEmpty());
        robot.interact(() -> {
            root.layout();
            assertTrue(interesting.getHeight() >= 100, "the list of cells is " + interesting.getHeight() + " high");
            assertTrue(text.getHeight() >= 60, "the text is " + text.getHeight() + " high");
        });
    }
}
