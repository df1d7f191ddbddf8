package app.scribe.ui;

import app.scribe.ui.common.Theme;
import app.scribe.ui.shell.MessageBar;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.chart.Chart;
import javafx.scene.control.Accordion;
import javafx.scene.control.Cell;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToolBar;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static app.scribe.ui.WindowProbe.click;
import static app.scribe.ui.WindowProbe.label;
import static app.scribe.ui.WindowProbe.pickBook;
import static app.scribe.ui.WindowProbe.smallModel;
import static app.scribe.ui.WindowProbe.waitUntil;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The window as a newcomer meets it, at 1024 x 700 and 1280 x 800, light and dark, with Cleaning open and closed and
 * with a long message showing or not, over books with long titles: no two visible controls overlap, no text is cut
 * short with an ellipsis, no control lies outside the window, the book list shows at least four whole entries, and
 * while a run trains the live chart is at least 400 x 250 and the progress bar shows, without scrolling.
 */
class WindowLayoutTest extends VanityFairWindow {
    private static final AtomicInteger MESSAGES = new AtomicInteger();
    private static final List<String> TITLES = List.of(
            "The Life and Opinions of Tristram Shandy, Gentleman — Sterne, Laurence, 1713-1768",
            "Memoirs of the Extraordinary Popular Delusions and the Madness of Crowds — Mackay, Charles",
            "A Very Long Title Without Any Spaces Anywhere:Supercalifragilisticexpialidocious",
            "Short", "Another Book — Someone", "And a sixth — Author, An");

    @BeforeAll
    static void booksWithLongTitles() throws IOException {
        Path corpora = folder.resolve("corpora");
        StringBuilder index = new StringBuilder();
        for (int i = 0; i < TITLES.size(); i++) {
            String file = "book" + i + ".txt";
            Files.writeString(corpora.resolve(file), "A short book, number " + i + ".\n".repeat(50));
            String[] parts = TITLES.get(i).split(" — ");
            index.append(file).append('\t').append(parts[0]).append('\t').append(parts.length > 1 ? parts[1] : "")
                    .append('\n');
        }
        Files.writeString(corpora.resolve("books.tsv"), index);
    }

    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void holdsAtBothSizesInBothThemes(FxRobot robot) {
        Parent root = stage.getScene().getRoot();
        pickBook(robot, root, "vf.txt");
        waitUntil(robot, root, () -> label(robot, root, "#corpusSummary").contains("Rarest"));
        TitledPane cleaning = robot.from(root).lookup("#cleaningPane").queryAs(TitledPane.class);
        List<String> problems = new ArrayList<>();
        for (Theme.Choice theme : List.of(Theme.Choice.LIGHT, Theme.Choice.DARK)) {
            for (double[] size : List.of(new double[] {1024, 700}, new double[] {1280, 800})) {
                for (boolean open : List.of(false, true)) {
                    for (boolean message : List.of(false, true)) {
                        robot.interact(() -> {
                            Theme.ofUser().apply(stage.getScene(), theme);
                            stage.setWidth(size[0]);
                            stage.setHeight(size[1]);
                            cleaning.setExpanded(open);
                            root.applyCss();
                            root.layout();
                        });
                        showLongMessage(robot, root, message);
                        String where = theme + " " + (int) size[0] + "x" + (int) size[1] + (open ? ", Cleaning open"
                                : "") + (message ? ", a message showing" : "") + ": ";
                        robot.interact(() -> check(root, where, problems));
                    }
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void theChartAndTheProgressBarShowWhileTrainingAt1024x700(FxRobot robot) {
        Parent root = stage.getScene().getRoot();
        robot.interact(() -> {
            stage.setWidth(1024);
            stage.setHeight(700);
        });
        pickBook(robot, root, "vf.txt");
        waitUntil(robot, root, () -> label(robot, root, "#corpusSummary").contains("distinct"));
        smallModel(robot, root, 1_000_000);
        click(robot, robot.from(root).lookup("#trainButton").queryButton());
        ProgressBar progress = robot.from(root).lookup("#trainingProgress").queryAs(ProgressBar.class);
        waitUntil(robot, root, () -> label(robot, root, "#statusLabel").startsWith("Step ")
                && progress.getProgress() >= 0);
        Node chart = robot.from(root).lookup("#lossChart").query();
        List<String> problems = new ArrayList<>();
        robot.interact(() -> {
            Bounds box = visibleBounds(chart);
            if (box == null || box.getWidth() < 400 || box.getHeight() < 250) {
                problems.add("the chart shows " + (box == null ? "nothing" : Math.round(box.getWidth()) + " x "
                        + Math.round(box.getHeight())) + " while training, less than 400 x 250");
            }
            Bounds bar = visibleBounds(progress);
            if (bar == null || bar.getHeight() < 4 || bar.getWidth() < 100) {
                problems.add("the progress bar does not show while training: " + bar);
            }
            check(root, "training at 1024x700: ", problems);
        });
        click(robot, robot.from(root).lookup("#stopButton").queryButton());
        waitUntil(robot, root, () -> label(robot, root, "#statusLabel").startsWith("Finished"));
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /** Shows a message long enough to wrap (Enter in a long model name says where Save writes), or closes it. */
    private static void showLongMessage(FxRobot robot, Parent root, boolean show) {
        MessageBar bar = robot.from(root).lookup("#notifications").queryAs(MessageBar.class);
        if (show) {
            TextField name = robot.from(root).lookup("#modelNameField").queryAs(TextField.class);
            String longName = "a-model-with-a-very-long-name-".repeat(6) + MESSAGES.incrementAndGet();
            robot.interact(() -> name.setText(longName));
            click(robot, name);
            robot.type(KeyCode.ENTER);
            waitUntil(robot, root, () -> bar.isShowing() && bar.getText().startsWith("Save writes a-model"));
        } else if (bar.isShowing()) {
            click(robot, robot.from(root).lookup("#closeMessageButton").queryButton());
            waitUntil(robot, root, () -> !bar.isShowing());
        }
    }

    private static void check(Parent root, String where, List<String> problems) {
        List<Node> controls = new ArrayList<>();
        collect(root, controls, problems, where, false);
        Bounds window = new BoundingBox(0, 0, root.getScene().getWidth(), root.getScene().getHeight());
        for (int i = 0; i < controls.size(); i++) {
            Bounds a = visibleBounds(controls.get(i));
            if (a == null) {
                continue;
            }
            if (a.getMinX() < window.getMinX() - 0.5 || a.getMaxX() > window.getMaxX() + 0.5
                    || a.getMinY() < window.getMinY() - 0.5 || a.getMaxY() > window.getMaxY() + 0.5) {
                problems.add(where + name(controls.get(i)) + " lies outside the window: " + a);
            }
            for (int j = i + 1; j < controls.size(); j++) {
                Bounds b = visibleBounds(controls.get(j));
                if (b != null && overlap(a, b) && !isMessageBar(controls.get(i)) && !isMessageBar(controls.get(j))) {
                    problems.add(where + name(controls.get(i)) + " overlaps " + name(controls.get(j)));
                }
            }
        }
        ListView<?> books = (ListView<?>) root.lookup("#corpusList");
        long whole = books.lookupAll(".list-cell").stream()
                .filter(cell -> cell instanceof ListCell<?> c && !c.isEmpty() && c.isVisible())
                .filter(cell -> contains(visibleBounds(books), cell.localToScene(cell.getLayoutBounds())))
                .count();
        if (whole < 4) {
            problems.add(where + "the book list shows " + whole + " whole entries");
        }
    }

    /** The message bar lies over the strip kept for it and, when a message is long, over the panes for a while. */
    private static boolean isMessageBar(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if ("notifications".equals(n.getId())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The controls that show, and cut texts. A control is one piece (what its skin draws inside it is its own), but
     * containers such as split and scroll panes are looked into.
     */
    private static void collect(Node node, List<Node> controls, List<String> problems, String where,
                                boolean insideControl) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled labeled && labeled.getText() != null && !labeled.getText().isEmpty()
                && shownCut(labeled) && visibleBounds(node) != null) {
            problems.add(where + "'" + labeled.getText() + "' is cut short");
        }
        boolean container = node instanceof ScrollPane || node instanceof SplitPane || node instanceof TabPane
                || node instanceof TitledPane || node instanceof ToolBar || node instanceof Accordion
                || node instanceof Cell<?>;
        boolean piece = (node instanceof Control || node instanceof Chart) && !container;
        if (piece && !insideControl) {
            controls.add(node);
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> collect(child, controls, problems, where,
                    insideControl || piece));
        }
    }

    /** Whether the skin draws the text shortened with an ellipsis. */
    private static boolean shownCut(Labeled labeled) {
        String ellipsis = labeled.getEllipsisString();
        return !labeled.getText().contains(ellipsis) && labeled.getChildrenUnmodifiable().stream()
                .anyMatch(child -> child instanceof Text text && text.getText().contains(ellipsis));
    }

    /** The part of a node that shows: its box in the scene, clipped by the scroll panes around it; null if none. */
    static Bounds visibleBounds(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return null;
            }
        }
        Bounds box = node.localToScene(node.getLayoutBounds());
        for (Node n = node.getParent(); n != null; n = n.getParent()) {
            if (n instanceof ScrollPane scroll) {
                Node viewport = scroll.lookup(".viewport");
                Bounds clip = viewport == null ? scroll.localToScene(scroll.getLayoutBounds())
                        : viewport.localToScene(viewport.getLayoutBounds());
                box = intersection(box, clip);
                if (box == null) {
                    return null;
                }
            }
        }
        return box;
    }

    private static Bounds intersection(Bounds a, Bounds b) {
        double minX = Math.max(a.getMinX(), b.getMinX());
        double minY = Math.max(a.getMinY(), b.getMinY());
        double maxX = Math.min(a.getMaxX(), b.getMaxX());
        double maxY = Math.min(a.getMaxY(), b.getMaxY());
        return maxX - minX < 1 || maxY - minY < 1 ? null : new BoundingBox(minX, minY, maxX - minX, maxY - minY);
    }

    private static boolean overlap(Bounds a, Bounds b) {
        return Math.min(a.getMaxX(), b.getMaxX()) - Math.max(a.getMinX(), b.getMinX()) > 1
                && Math.min(a.getMaxY(), b.getMaxY()) - Math.max(a.getMinY(), b.getMinY()) > 1;
    }

    private static boolean contains(Bounds outer, Bounds inner) {
        return outer != null && inner.getMinY() >= outer.getMinY() - 0.5 && inner.getMaxY() <= outer.getMaxY() + 0.5;
    }

    private static String name(Node node) {
        String text = node instanceof Labeled labeled && labeled.getText() != null ? " '" + labeled.getText() + "'" : "";
        return node.getClass().getSimpleName() + (node.getId() == null ? "" : " #" + node.getId()) + text;
    }
}
