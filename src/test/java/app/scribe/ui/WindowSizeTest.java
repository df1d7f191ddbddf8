package app.scribe.ui;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** At a small laptop's window and at full HD, and back again, no label, button or tab is cut short. */
class WindowSizeTest extends VanityFairWindow {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void nothingIsCutAt1024x700Or1920x1080(FxRobot robot) {
        Parent root = stage.getScene().getRoot();
        TabPane studio = robot.from(root).lookup("#studioTabs").queryAs(TabPane.class);
        double[] opened = {stage.getWidth(), stage.getHeight()};
        double studioWidth = studio.getWidth();
        for (double[] size : List.of(new double[] {1024, 700}, new double[] {1920, 1080}, new double[] {1024, 700})) {
            robot.interact(() -> {
                stage.setWidth(size[0]);
                stage.setHeight(size[1]);
            });
            assertEquals(size[0], stage.getScene().getWidth(), 1, "the window takes the size");
            TabPane tabs = robot.from(root).lookup("#studioTabs").queryAs(TabPane.class);
            for (Tab tab : tabs.getTabs()) {
                robot.interact(() -> tabs.getSelectionModel().select(tab));
                List<String> cut = cutShort(root, tabs);
                assertTrue(cut.isEmpty(), (int) size[0] + " x " + (int) size[1] + ", " + tab.getText() + " tab: " + cut);
            }
            ListView<?> books = robot.from(root).lookup("#corpusList").queryAs(ListView.class);
            assertTrue(books.getWidth() >= 150, "the books list is " + books.getWidth() + " wide");
        }
        robot.interact(() -> {
            stage.setWidth(opened[0]);
            stage.setHeight(opened[1]);
        });
        assertEquals(studioWidth, studio.getWidth(), 2, "back at its size, the window gives the studio its width back");
    }

    /** Every shown text whose box is narrower than its text, or whose tab header lies outside the tab pane. */
    private static List<String> cutShort(Parent root, TabPane tabs) {
        List<String> cut = new ArrayList<>();
        collect(root, cut);
        Bounds pane = tabs.localToScene(tabs.getLayoutBounds());
        for (Node label : tabs.lookupAll(".tab-label")) {
            Bounds bounds = label.localToScene(label.getLayoutBounds());
            if (bounds.getMinX() < pane.getMinX() - 0.5 || bounds.getMaxX() > pane.getMaxX() + 0.5) {
                cut.add("tab " + ((Labeled) label).getText());
            }
        }
        return cut;
    }

    private static void collect(Node node, List<String> cut) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled labeled && !labeled.isWrapText() && labeled.getText() != null
                && !labeled.getText().isEmpty() && !labeled.getStyleClass().contains("tab-label")
                && !(labeled instanceof javafx.scene.control.Cell<?>)
                && labeled.getWidth() < labeled.prefWidth(-1) - 0.5) {
            cut.add(labeled.getText() + " (" + Math.round(labeled.getWidth()) + " < "
                    + Math.round(labeled.prefWidth(-1)) + ")");
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> collect(child, cut));
        }
    }
}
