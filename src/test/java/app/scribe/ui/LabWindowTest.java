package app.scribe.ui;

import app.scribe.TestCorpora;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.geometry.Rectangle2D;
import javafx.scene.text.Text;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import static app.scribe.ui.WindowProbe.click;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Opens the Lab from the main window and walks every page: bad input is explained beside its field, Run fills the
 * plot and the table, Stop ends a long run, and Save PNG / Save CSV write files that read back.
 */
class LabWindowTest extends VanityFairWindow {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void aSecondClickBringsTheOpenLabForwardWithinTheScreen(FxRobot robot) {
        long before = labs().size();
        Button lab = robot.from(stage.getScene().getRoot()).lookup("#labButton").queryButton();
        click(robot, lab);
        click(robot, lab);
        WaitForAsyncUtils.waitForFxEvents();
        List<Stage> open = labs();
        assertEquals(before + 1, open.size(), "one Lab window, however often Lab… is clicked");
        Stage window = open.get(open.size() - 1);
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        assertTrue(window.getX() >= screen.getMinX() && window.getY() >= screen.getMinY()
                && window.getX() + window.getWidth() <= screen.getMaxX()
                && window.getY() + window.getHeight() <= screen.getMaxY(), "the Lab lies outside the screen");
        robot.interact(window::close);
    }

    @Test
    void aFieldIsCheckedWhenLeftAndThereIsNothingToSaveBeforeARun(FxRobot robot) throws TimeoutException {
        click(robot, robot.from(stage.getScene().getRoot()).lookup("#labButton").queryButton());
        TabPane tabs = robot.lookup("#labTabs").queryAs(TabPane.class);
        select(robot, tabs, "gradientsTab");
        type(robot, "#gradientsCells", "lstm, banana");
        robot.type(KeyCode.TAB);
        waitUntil(() -> !errorBeside(robot, "#gradientsCells").isEmpty());
        assertEquals("Cell must be one of lstm, gru, rnn, tglstm (got 'banana').", errorBeside(robot, "#gradientsCells"));
        type(robot, "#gradientsCells", "lstm,gru");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> errorBeside(robot, "#gradientsCells").isEmpty());
        for (String page : List.of("palindrome", "gradients", "timegate", "power", "optimizers", "cells")) {
            assertTrue(robot.lookup("#" + page + "SavePng").queryButton().isDisabled()
                    && robot.lookup("#" + page + "SaveCsv").queryButton().isDisabled(), page + ": no results to save");
            assertFalse(chart(robot, "#" + page + "Chart").getYAxis().isTickLabelsVisible(),
                    page + ": the empty chart shows no made-up scale");
        }
        robot.interact(() -> ((Stage) tabs.getScene().getWindow()).close());
    }

    private static List<Stage> labs() {
        return Window.getWindows().stream().filter(w -> w instanceof Stage s && s.getTitle() != null
                && s.getTitle().contains("lab")).map(w -> (Stage) w).toList();
    }

    @Test
    void everyPageRunsPlotsStopsAndSaves(FxRobot robot) throws Exception {
        click(robot, robot.from(stage.getScene().getRoot()).lookup("#labButton").queryButton());
        TabPane tabs = robot.lookup("#labTabs").queryAs(TabPane.class);
        Path results = Files.createDirectories(folder.resolve("lab"));

        select(robot, tabs, "powerTab");
        refused(robot, "power", "#powerMatrix", "1 2; 3", "not square");
        refused(robot, "power", "#powerK", "-1", "The power must be between 0 and");
        refused(robot, "power", "#powerK", "99999999999", "The power must be between 0 and");
        type(robot, "#powerK", "30");
        refused(robot, "power", "#powerModel", folder.resolve("absent.scribe").toString(), "There is no file");
        robot.interact(() -> robot.lookup("#powerModel").queryAs(TextInputControl.class).clear());
        type(robot, "#powerMatrix", "0.58 0.24\n0.24 0.72");
        robot.clickOn("#powerRun");
        waitUntil(() -> points(robot, "#powerChart") == 31 && text(robot, "#powerStatus").contains("vanish"));
        assertTrue(text(robot, "#powerSummary").contains("Eigenvalues: 0.9, 0.4"), text(robot, "#powerSummary"));
        assertEquals("", errorBeside(robot, "#powerMatrix"));
        readBackPng(robot, "power", results);
        Path csv = save(robot, "power", "SaveCsv", results);
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertEquals("matrix,k,norm_of_W^k", lines.get(0));
        assertEquals(32, lines.size());

        select(robot, tabs, "timegateTab");
        robot.clickOn("#timegateRun");
        waitUntil(() -> points(robot, "#timegateChart") == 200);
        robot.clickOn("#timegateKeep");
        robot.interact(() -> robot.lookup("#timegateTau").queryAs(Slider.class).setValue(20));
        waitUntil(() -> series(robot, "#timegateChart") == 2 && points(robot, "#timegateChart") == 400);
        readBackPng(robot, "timegate", results);
        type(robot, "#timegateModel", tglstmModel().toString());
        robot.clickOn("#timegateRun");
        waitUntil(() -> text(robot, "#timegateStatus").contains("units of each of 1 layer"));
        assertEquals(16, onFx(() -> robot.lookup("#timegateTauHistogram").queryAs(BarChart.class).getData().stream()
                .mapToInt(s -> ((XYChart.Series<?, ?>) s).getData().stream()
                        .mapToInt(d -> ((Number) ((XYChart.Data<?, ?>) d).getYValue()).intValue()).sum()).sum()),
                "the histogram counts every unit once");

        select(robot, tabs, "palindromeTab");
        refused(robot, "palindrome", "#palindromeLength", "1", "between 2 and 1000");
        // Length 20 and a tiny learning rate: the RNN must not finish (it reached 100 % at length 5 once, on a loaded
        // machine, before the Stop click landed).
        type(robot, "#palindromeLength", "20");
        type(robot, "#palindromeSteps", "1000000");
        type(robot, "#palindromeHidden", "16");
        type(robot, "#palindromeBatch", "16");
        type(robot, "#palindromeLr", "0.000001");
        robot.interact(() -> choice(robot, "#palindromeCell").getSelectionModel().select(2));
        robot.clickOn("#palindromeRun");
        waitUntil(() -> points(robot, "#palindromeChart") > 10);
        waitUntil(() -> placeholder(robot, "#palindromeTable").equals("Running…"));
        robot.clickOn("#palindromeStop");
        waitUntil(() -> !robot.lookup("#palindromeRun").queryAs(Button.class).isDisabled());
        assertTrue(text(robot, "#palindromeStatus").startsWith("Stopped after"), text(robot, "#palindromeStatus"));
        assertEquals("stopped", table(robot, "#palindromeTable").getItems().get(0).get(4));
        assertEquals("The results show here: press Run.", placeholder(robot, "#palindromeTable"));
        readBackPng(robot, "palindrome", results);
        robot.interact(() -> choice(robot, "#palindromeMode").getSelectionModel().select(1));
        type(robot, "#palindromeCells", "rnn,gru");
        type(robot, "#palindromeLengths", "3-4:1");
        type(robot, "#palindromeSeeds", "1");
        type(robot, "#palindromeSteps", "20");
        type(robot, "#palindromeLr", "0.001");
        robot.clickOn("#palindromeRun");
        waitUntil(() -> text(robot, "#palindromeStatus").startsWith("Finished 4 of 4 runs"));
        assertEquals(4, table(robot, "#palindromeTable").getItems().size());
        assertEquals(6, series(robot, "#palindromeChart"), "mean and mean ± spread for each cell");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), cutValues(robot, "#palindromeTable"), "every value shows whole");

        select(robot, tabs, "gradientsTab");
        refused(robot, "gradients", "#gradientsCells", "lstm,elman", "Cell must be one of");
        type(robot, "#gradientsCells", "rnn,lstm,gru,tglstm");
        type(robot, "#gradientsLength", "8");
        type(robot, "#gradientsTrained", "5");
        robot.clickOn("#gradientsRun");
        waitUntil(() -> text(robot, "#gradientsStatus").startsWith("Norm at t = 0"));
        assertTrue(text(robot, "#gradientsStatus").contains("gru ") && text(robot, "#gradientsStatus")
                .contains("tglstm "), text(robot, "#gradientsStatus"));
        assertEquals(8, series(robot, "#gradientsChart"));
        assertEquals(56, points(robot, "#gradientsChart"), "7 steps read, 4 cells, before and after training");
        readBackPng(robot, "gradients", results);

        select(robot, tabs, "optimizersTab");
        type(robot, "#optimizersLength", "4");
        type(robot, "#optimizersSteps", "100000");
        robot.clickOn("#optimizersRun");
        waitUntil(() -> points(robot, "#optimizersChart") > 3);
        robot.clickOn("#optimizersStop");
        waitUntil(() -> text(robot, "#optimizersStatus").startsWith("Stopped"));
        readBackPng(robot, "optimizers", results);

        select(robot, tabs, "cellsTab");
        refused(robot, "cells", "#cellsBook", folder.resolve("nothing.txt").toString(), "exists");
        type(robot, "#cellsBook", folder.resolve("corpora/vf.txt").toString());
        type(robot, "#cellsCells", "rnn");
        type(robot, "#cellsSteps", "20");
        robot.clickOn("#cellsRun");
        waitUntil(() -> text(robot, "#cellsStatus").startsWith("Validation loss after training: rnn "));
        assertEquals(1, series(robot, "#cellsChart"));
        assertTrue(points(robot, "#cellsChart") >= 2, "validations at step 10 and 20");
        assertEquals("20", table(robot, "#cellsTable").getItems().get(0).get(1));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), cutValues(robot, "#cellsTable"), "every value shows whole");
        readBackPng(robot, "cells", results);
    }

    /** A tglstm model of 16 units trained for a few steps, through the command line. */
    private static Path tglstmModel() throws IOException {
        Path corpus = TestCorpora.shakespeare(folder, "s.txt", 20_000);
        Path model = folder.resolve("tg.scribe");
        assertEquals(0, app.scribe.cli.ScribeCommand.run("train", "--corpus", corpus.toString(), "--out",
                model.toString(), "--steps", "3", "--cell", "tglstm", "--layers", "1", "--hidden", "16", "--seq", "16",
                "--batch", "8"));
        return model;
    }

    /** Types a bad value, presses Run and waits for the sentence beside the field. */
    private static void refused(FxRobot robot, String page, String field, String text, String fragment)
            throws TimeoutException {
        type(robot, field, text);
        robot.clickOn("#" + page + "Run");
        waitUntil(() -> errorBeside(robot, field).contains(fragment));
    }

    private static void select(FxRobot robot, TabPane tabs, String id) {
        robot.interact(() -> tabs.getSelectionModel().select(tabs.getTabs().stream()
                .filter(t -> id.equals(t.getId())).findFirst().orElseThrow()));
    }

    private static void type(FxRobot robot, String id, String text) {
        TextInputControl field = robot.lookup(id).queryAs(TextInputControl.class);
        robot.interact(field::clear);
        click(robot, field).write(text);
    }

    private static String errorBeside(FxRobot robot, String id) {
        return onFx(() -> {
            Node field = robot.lookup(id).query();
            while (!(field.getParent() instanceof javafx.scene.layout.GridPane)) {
                field = field.getParent(); // a field shown in a row with its Browse button
            }
            Parent grid = field.getParent();
            Integer row = javafx.scene.layout.GridPane.getRowIndex(field);
            return grid.getChildrenUnmodifiable().stream()
                    .filter(n -> n instanceof Label && row.equals(javafx.scene.layout.GridPane.getRowIndex(n))
                            && Integer.valueOf(2).equals(javafx.scene.layout.GridPane.getColumnIndex(n)))
                    .map(n -> ((Label) n).getText()).findFirst().orElse("");
        });
    }

    /** What the results table says while it has no rows. */
    private static String placeholder(FxRobot robot, String id) {
        return onFx(() -> ((Label) table(robot, id).getPlaceholder()).getText());
    }

    private static String text(FxRobot robot, String id) {
        return onFx(() -> robot.lookup(id).queryAs(Label.class).getText());
    }

    @SuppressWarnings("unchecked")
    private static ChoiceBox<Object> choice(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(ChoiceBox.class);
    }

    @SuppressWarnings("unchecked")
    private static TableView<List<String>> table(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(TableView.class);
    }

    /** The values of the table's cells that show cut short (with an ellipsis) instead of whole. */
    private static List<String> cutValues(FxRobot robot, String id) {
        return onFx(() -> table(robot, id).lookupAll(".table-cell").stream()
                .map(n -> (TableCell<?, ?>) n)
                .filter(c -> c.getText() != null && !c.getText().isEmpty() && c.lookup(".text") instanceof Text)
                .filter(c -> !c.getText().equals(((Text) c.lookup(".text")).getText()))
                .map(c -> c.getText() + " shown as " + ((Text) c.lookup(".text")).getText())
                .toList());
    }

    @SuppressWarnings("unchecked")
    private static LineChart<Number, Number> chart(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(LineChart.class);
    }

    private static int series(FxRobot robot, String id) {
        return onFx(() -> chart(robot, id).getData().size());
    }

    private static int points(FxRobot robot, String id) {
        return onFx(() -> chart(robot, id).getData().stream().mapToInt(s -> s.getData().size()).sum());
    }

    private static void readBackPng(FxRobot robot, String page, Path results) throws Exception {
        Path png = save(robot, page, "SavePng", results);
        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image, "a PNG that reads back");
        assertTrue(image.getWidth() > 200 && image.getHeight() > 100);
    }

    /** Points the page at the results folder, saves, and returns the one new file. */
    private static Path save(FxRobot robot, String page, String button, Path results) throws Exception {
        type(robot, "#" + page + "Folder", results.toString());
        List<Path> before = list(results);
        String shown = text(robot, "#" + page + "Status");
        robot.clickOn("#" + page + button);
        // The sentence of this save, not the one an earlier save left.
        waitUntil(() -> text(robot, "#" + page + "Status").startsWith("Saved ")
                && !text(robot, "#" + page + "Status").equals(shown));
        List<Path> added = list(results).stream().filter(p -> !before.contains(p)).toList();
        assertEquals(1, added.size(), added.toString());
        return added.get(0);
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> !p.getFileName().toString().startsWith(".")).toList();
        }
    }

    private static <T> T onFx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void waitUntil(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, condition);
    }
}
