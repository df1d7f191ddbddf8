package app.scribe.ui;

import app.scribe.ui.shell.MessageBar;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.layout.Pane;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.testfx.api.FxRobot;
import org.testfx.api.FxRobotInterface;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** What the UI tests read from the real window, and how they wait for it. */
final class WindowProbe {
    private WindowProbe() {
    }

    @SuppressWarnings("unchecked")
    static Spinner<Integer> spinner(FxRobot robot, Parent root, String id) {
        return robot.from(root).lookup(id).queryAs(Spinner.class);
    }

    /**
     * Brings {@code node} into view as a user would: selects the tab that holds it, opens the folded sections around
     * it and scrolls the panes around it, so that it can be clicked.
     */
    static void reveal(FxRobot robot, Parent root, Node node) {
        TabPane tabs = robot.from(root).lookup("#studioTabs").tryQueryAs(TabPane.class).orElse(null);
        for (Tab tab : tabs == null ? List.<Tab>of() : tabs.getTabs()) {
            for (Node up = node; up != null; up = up.getParent()) {
                if (up == tab.getContent()) {
                    robot.interact(() -> tabs.getSelectionModel().select(tab));
                }
            }
        }
        for (Node up = node; up != null; up = up.getParent()) {
            if (up instanceof TitledPane panel && !panel.isExpanded()) {
                robot.interact(() -> panel.setExpanded(true));
            }
        }
        for (Node up = node.getParent(); up != null; up = up.getParent()) {
            if (up instanceof ScrollPane scroll) {
                robot.interact(() -> {
                    double content = scroll.getContent().getLayoutBounds().getHeight();
                    double view = scroll.getViewportBounds().getHeight();
                    double top = scroll.getContent().sceneToLocal(node.localToScene(node.getLayoutBounds())).getMinY();
                    if (content > view) {
                        scroll.setVvalue(Math.max(0, Math.min(1, top / (content - view))));
                    }
                });
            }
        }
    }

    /** Clicks {@code node} once it is in view ({@link #reveal}). */
    static FxRobotInterface click(FxRobot robot, Node node) {
        reveal(robot, node.getScene().getRoot(), node);
        return robot.clickOn(node);
    }

    /** Picks a book from the list by its file name. */
    static void pickBook(FxRobot robot, Parent root, String name) {
        @SuppressWarnings("unchecked")
        ListView<Path> books = robot.from(root).lookup("#corpusList").queryAs(ListView.class);
        Path book = books.getItems().stream().filter(p -> p.getFileName().toString().equals(name)).findFirst()
                .orElseThrow();
        robot.interact(() -> books.getSelectionModel().clearAndSelect(books.getItems().indexOf(book))); // a plain click
    }

    /** Sets the form to a model small enough to train in seconds (1 x 32 units, batch 16) for {@code steps} steps. */
    static void smallModel(FxRobot robot, Parent root, int steps) {
        robot.interact(() -> {
            spinner(robot, root, "#hiddenSpinner").getValueFactory().setValue(32);
            spinner(robot, root, "#layersSpinner").getValueFactory().setValue(1);
            spinner(robot, root, "#batchSpinner").getValueFactory().setValue(16);
            spinner(robot, root, "#stepsSpinner").getValueFactory().setValue(steps);
        });
    }

    /** Picks {@code book}, trains a {@link #smallModel} on it for {@code steps} steps and waits for the run's end. */
    static void trainSmallModel(FxRobot robot, Parent root, String book, int steps) {
        pickBook(robot, root, book);
        waitUntil(robot, root, () -> label(robot, root, "#corpusSummary").contains("distinct"));
        smallModel(robot, root, steps);
        click(robot, robot.from(root).lookup("#trainButton").queryButton());
        waitUntil(robot, root, () -> label(robot, root, "#statusLabel").startsWith("Finished at step " + steps));
    }

    /** Starts a beam search of width 64 for 100 000 characters (a minute or more) and waits for its progress. */
    static void startLongBeamSearch(FxRobot robot, Parent root) {
        robot.interact(() -> {
            spinner(robot, root, "#beamSpinner").getValueFactory().setValue(64);
            spinner(robot, root, "#lengthSpinner").getValueFactory().setValue(100_000);
        });
        ProgressBar searchBar = robot.from(root).lookup("#searchProgressBar").queryAs(ProgressBar.class);
        click(robot, robot.from(root).lookup("#generateButton").queryButton());
        waitUntil(robot, root, () -> searchBar.isVisible() && searchBar.getProgress() > 0);
    }

    /** The generated text shown tinted: the flow's characters after its prompt (labels, and texts for newlines). */
    static String continuation(TextFlow tinted) {
        StringBuilder out = new StringBuilder();
        tintedCharacters(tinted).forEach(n -> out.append(n instanceof Label l ? l.getText() : ((Text) n).getText()));
        return out.toString();
    }

    /** The tinted text's characters in order (a word's characters share a box, so that lines break between words). */
    static List<Node> tintedCharacters(TextFlow tinted) {
        List<Node> characters = new ArrayList<>();
        for (Node node : tinted.getChildren()) {
            if (node instanceof Pane word) {
                characters.addAll(word.getChildren());
            } else if (node.getStyleClass().contains("tinted-char")) {
                characters.add(node);
            }
        }
        return characters;
    }

    /** Read on the FX thread: a lookup from the test thread can meet the scene graph in the middle of a change. */
    static String label(FxRobot robot, Parent root, String id) {
        Callable<String> read = () -> robot.from(root).lookup(id).queryAs(Label.class).getText();
        try {
            return Platform.isFxApplicationThread() ? read.call() : WaitForAsyncUtils.asyncFx(read).get();
        } catch (Exception e) {
            throw new AssertionError("cannot read " + id, e);
        }
    }

    /** A button of the dialog that is open, once it is on screen. */
    static Button dialogButton(FxRobot robot, Parent root, String id) {
        waitUntil(robot, root, () -> robot.lookup(id).tryQuery().isPresent());
        return robot.lookup(id).queryButton();
    }

    /**
     * Waits for a condition, checked on the FX thread (a lookup made elsewhere can meet a scene graph that the FX
     * thread is changing); on time-out, fails with what the window shows, to say why.
     */
    static void waitUntil(FxRobot robot, Parent root, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
        } catch (TimeoutException e) {
            MessageBar notifications = robot.from(root).lookup("#notifications").queryAs(MessageBar.class);
            throw new AssertionError("timed out; status: " + label(robot, root, "#statusLabel") + "; message: "
                    + notifications.getText(), e);
        }
    }
}
