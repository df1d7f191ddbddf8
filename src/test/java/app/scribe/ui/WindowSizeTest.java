package app.scribe.ui;

import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Cell;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TitledPane;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static app.scribe.ui.WindowProbe.label;
import static app.scribe.ui.WindowProbe.pickBook;
import static app.scribe.ui.WindowProbe.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * At the window's least size (about 960 x 640, asked for with 800 x 600), a small laptop's window and at full HD, and
 * back again, no label, button or tab is cut short, no control is squeezed below its minimum width, and the window
 * never scrolls sideways; the Books column keeps its width as the window shrinks and grows.
 */
class WindowSizeTest extends VanityFairWindow {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void nothingIsCutAtTheLeastSize1024x700Or1920x1080(FxRobot robot) throws IOException {
        Parent root = stage.getScene().getRoot();
        pickBook(robot, root, "vf.txt");
        waitUntil(robot, root, () -> label(robot, root, "#corpusSummary").contains("Rarest"));
        TabPane studio = robot.from(root).lookup("#studioTabs").queryAs(TabPane.class);
        double[] opened = {stage.getWidth(), stage.getHeight()};
        double studioWidth = studio.getWidth();
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        assertTrue(stage.getMinWidth() >= Math.min(960, screen.getWidth()) && stage.getMinWidth() <= screen.getWidth()
                && stage.getMinHeight() >= Math.min(640, screen.getHeight())
                && stage.getMinHeight() <= screen.getHeight(), "the window's least size is about 960 x 640, within the"
                + " screen: " + stage.getMinWidth() + " x " + stage.getMinHeight());
        // 800 x 600 is below the least size: the window keeps its least size, where nothing may be cut either.
        for (double[] size : List.of(new double[] {800, 600}, new double[] {1024, 700}, new double[] {1920, 1080},
                new double[] {1024, 700})) {
            resize(robot, root, size[0], size[1]); // the checks below read the layout of this size
            double width = Math.max(size[0], stage.getMinWidth());
            double height = Math.max(size[1], stage.getMinHeight());
            assertEquals(width, stage.getWidth(), 1, "the window takes the size, or its least size");
            assertEquals(height, stage.getHeight(), 1, "the window takes the size, or its least size");
            String where = (int) width + " x " + (int) height;
            for (Tab tab : studio.getTabs()) {
                robot.interact(() -> studio.getSelectionModel().select(tab));
                List<String> cut = cutShort(root, studio);
                assertTrue(cut.isEmpty(), where + ", " + tab.getText() + " tab: " + cut);
                assertTrue(root.minWidth(-1) <= stage.getScene().getWidth() + 0.5, where + ", " + tab.getText()
                        + " tab: the window needs " + root.minWidth(-1) + " of " + stage.getScene().getWidth());
            }
            SplitPane split = robot.from(root).lookup("#panes").queryAs(SplitPane.class);
            Bounds splitBox = split.localToScene(split.getLayoutBounds());
            for (Node item : split.getItems()) {
                Bounds box = item.localToScene(item.getLayoutBounds());
                assertTrue(box.getMinY() >= splitBox.getMinY() - 0.5 && box.getMaxY() <= splitBox.getMaxY() + 0.5,
                        where + ": " + item + " spans " + box.getMinY() + ".." + box.getMaxY() + " in panes spanning "
                                + splitBox.getMinY() + ".." + splitBox.getMaxY() + ": its top or bottom is cut");
                if (item instanceof ScrollPane scroll && scroll.getContent() instanceof Region pane) {
                    assertTrue(pane.getHeight() >= pane.minHeight(pane.getWidth()) - 0.5, where + ": #" + pane.getId()
                            + " is squeezed to " + pane.getHeight() + " of " + pane.minHeight(pane.getWidth()));
                }
            }
            ListView<?> books = robot.from(root).lookup("#corpusList").queryAs(ListView.class);
            assertTrue(books.getWidth() >= 150, "the books list is " + books.getWidth() + " wide");
            if (size[0] == 1024) {
                robot.interact(() -> studio.getSelectionModel().select(0));
                screenshot(robot, "window-1024x700.png");
            }
        }
        robot.interact(() -> {
            stage.setWidth(opened[0]);
            stage.setHeight(opened[1]);
        });
        waitUntil(robot, root, () -> Math.abs(studio.getWidth() - studioWidth) <= 2); // once laid out again
        assertEquals(studioWidth, studio.getWidth(), 2, "back at its size, the window gives the studio its width back");
    }

    @Test
    void theBooksColumnKeepsItsWidthWhenTheWindowShrinksAndGrows(FxRobot robot) {
        Parent root = stage.getScene().getRoot();
        SplitPane split = robot.from(root).lookup("#panes").queryAs(SplitPane.class);
        Region books = (Region) split.getItems().get(0);
        resize(robot, root, 1024, 700);
        double width = books.getWidth();
        for (double[] size : List.of(new double[] {800, 600}, new double[] {1920, 1080}, new double[] {1024, 700})) {
            resize(robot, root, size[0], size[1]);
            // A click in the panes, not on the divider, is no choice of the divider's place.
            robot.clickOn(robot.from(root).lookup("#studioTabs .tab-label").queryAs(Node.class));
            String where = (int) stage.getWidth() + " x " + (int) stage.getHeight();
            waitUntil(robot, root, () -> Math.abs(books.getWidth() - width) <= 1);
            assertEquals(width, books.getWidth(), 1, where + ": the Books column keeps its width");
        }
    }

    private void resize(FxRobot robot, Parent root, double width, double height) {
        robot.interact(() -> {
            stage.setWidth(width);
            stage.setHeight(height);
            root.applyCss();
            root.layout();
        });
    }

    private void screenshot(FxRobot robot, String name) throws IOException {
        Path file = Files.createDirectories(Path.of("target")).resolve(name);
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> image[0] = stage.getScene().snapshot(null));
        ImageIO.write(SwingFXUtils.fromFXImage(image[0], null), "png", file.toFile());
    }

    /**
     * Every shown text whose box is narrower than its text (or, wrapping, lower than its lines), every control
     * narrower than its minimum width, and every tab header outside the tab pane. A titled pane's title is judged by
     * its ellipsis only: its preferred width is its content's.
     */
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

    /** Whether the skin draws the text shortened with an ellipsis. */
    private static boolean shownCut(Labeled labeled) {
        String ellipsis = labeled.getEllipsisString();
        return !labeled.getText().contains(ellipsis) && labeled.getChildrenUnmodifiable().stream()
                .anyMatch(child -> child instanceof Text text && text.getText().contains(ellipsis));
    }

    private static void collect(Node node, List<String> cut) {
        if (!node.isVisible() || node instanceof Cell<?>) {
            return;
        }
        if (node instanceof Labeled labeled && labeled.getText() != null && !labeled.getText().isEmpty()
                && !labeled.getStyleClass().contains("tab-label")) {
            if (shownCut(labeled)) {
                cut.add(labeled.getText() + " (shown with …)");
            } else if (!labeled.isWrapText() && !(labeled instanceof TitledPane)
                    && labeled.getWidth() < labeled.prefWidth(-1) - 0.5) {
                cut.add(labeled.getText() + " (" + Math.round(labeled.getWidth()) + " < "
                        + Math.round(labeled.prefWidth(-1)) + ")");
            } else if (labeled.isWrapText() && labeled.getHeight() < labeled.prefHeight(labeled.getWidth()) - 0.5) {
                cut.add(labeled.getText() + " (" + Math.round(labeled.getHeight()) + " high < "
                        + Math.round(labeled.prefHeight(labeled.getWidth())) + ")");
            }
        }
        if (node instanceof Region region && node.getId() != null && node.isManaged()
                && region.getWidth() < region.minWidth(-1) - 0.5) {
            cut.add("#" + node.getId() + " (" + Math.round(region.getWidth()) + " < min "
                    + Math.round(region.minWidth(-1)) + ")");
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> collect(child, cut));
        }
    }
}
