package app.scribe.ui;

import app.scribe.ui.shell.MessageBar;

import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.TabPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.paint.Color;
import javafx.scene.shape.Path;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;
import javafx.scene.layout.GridPane;
import javafx.scene.text.TextFlow;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

import java.util.ArrayList;
import java.util.List;

import static app.scribe.ui.WindowProbe.click;
import static app.scribe.ui.WindowProbe.dialogButton;
import static app.scribe.ui.WindowProbe.label;
import static app.scribe.ui.WindowProbe.pickBook;
import static app.scribe.ui.WindowProbe.smallModel;
import static app.scribe.ui.WindowProbe.trainSmallModel;
import static app.scribe.ui.WindowProbe.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the window tells the user is true and readable: the hint, the pause, the form during a run, the chart. */
class TrustTest extends VanityFairWindow {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void pauseSaysPausedAndTheFormIsLockedWhileTraining(FxRobot robot) {
        Parent root = stage.getScene().getRoot();
        assertEquals("Pick a corpus, then press Train.", label(robot, root, "#statusLabel"));
        pickBook(robot, root, "vf.txt");
        waitUntil(robot, root, () -> label(robot, root, "#corpusSummary").contains("distinct"));
        assertFalse(label(robot, root, "#statusLabel").startsWith("Pick a corpus"), "the hint goes once a book is picked");
        smallModel(robot, root, 100_000);
        Button train = robot.from(root).lookup("#trainButton").queryButton();
        click(robot, train);
        waitUntil(robot, root, () -> label(robot, root, "#statusLabel").contains("ETA"));
        for (String id : List.of("#optimizerChoice", "#learningRateField", "#seedField", "#stepsSpinner",
                "#weightDecayField", "#cellChoice", "#autosaveSpinner", "#patienceSpinner")) {
            assertTrue(robot.from(root).lookup(id).query().isDisabled(), id + " cannot change a running model");
        }

        click(robot, robot.from(root).lookup("#pauseButton").queryButton());
        waitUntil(robot, root, () -> label(robot, root, "#statusLabel").startsWith("Paused at step"));
        assertFalse(label(robot, root, "#statusLabel").contains("ETA"), label(robot, root, "#statusLabel"));
        click(robot, robot.from(root).lookup("#stopButton").queryButton());
        waitUntil(robot, root, () -> !train.isDisabled());
        assertEquals("2e-3", robot.from(root).lookup("#learningRateField").queryAs(TextField.class).getText(),
                "the learning rate keeps its spelling");
        assertFalse(robot.from(root).lookup("#learningRateField").query().isDisabled());
        assertEquals("RMSprop", robot.from(root).lookup("#optimizerChoice .label").queryAs(Label.class).getText(),
                "the optimizer is named as people write it");
    }

    @Test
    void lossLinesDifferInHueAndSamplesWrap(FxRobot robot) {
        Parent root = stage.getScene().getRoot();
        trainSmallModel(robot, root, "vf.txt", 40);
        Color training = stroke(robot, root, "default-color0");
        Color validation = stroke(robot, root, "default-color1");
        double hues = Math.abs(training.getHue() - validation.getHue());
        assertTrue(Math.min(hues, 360 - hues) >= 90, training + " and " + validation + " are told apart by hue");
        assertTrue(line(robot, root, "default-color0").getStrokeDashArray().isEmpty(), "training is a solid line");
        assertFalse(line(robot, root, "default-color1").getStrokeDashArray().isEmpty(),
                "validation is dashed: told apart without colour too");

        @SuppressWarnings("unchecked")
        ListView<Object> samples = robot.from(root).lookup("#samplesList").queryAs(ListView.class);
        assertFalse(samples.getItems().isEmpty());
        for (Node bar : samples.lookupAll(".scroll-bar")) {
            if (((ScrollBar) bar).getOrientation() == Orientation.HORIZONTAL) {
                assertFalse(bar.isVisible(), "samples wrap instead of running off to the right");
            }
        }
    }

    @Test
    void theInsideTabShowsItsLayerNumber(FxRobot robot) {
        Parent root = stage.getScene().getRoot();
        TabPane tabs = robot.from(root).lookup("#studioTabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(tabs.getTabs().get(3)));
        Spinner<?> layer = robot.from(root).lookup("#cellLayerSpinner").queryAs(Spinner.class);
        assertEquals("1", layer.getEditor().getText());
        assertTrue(layer.getWidth() >= layer.prefWidth(-1) - 0.5, layer.getWidth() + " < " + layer.prefWidth(-1));
    }

    @Test
    void newModelAsksAboutUnsavedTrainingAndClearsTheChart(FxRobot robot) throws Exception {
        Parent root = stage.getScene().getRoot();
        pickBook(robot, root, "vf.txt");
        waitUntil(robot, root, () -> label(robot, root, "#corpusSummary").contains("distinct"));
        smallModel(robot, root, 40);
        robot.interact(() -> WindowProbe.spinner(robot, root, "#autosaveSpinner").getValueFactory().setValue(0));
        Button train = robot.from(root).lookup("#trainButton").queryButton();
        Button newModel = robot.from(root).lookup("#resetButton").queryButton();
        click(robot, train);
        waitUntil(robot, root, () -> label(robot, root, "#statusLabel").startsWith("Finished at step 40"));
        @SuppressWarnings("unchecked")
        LineChart<Number, Number> chart = robot.from(root).lookup("#lossChart").queryAs(LineChart.class);
        @SuppressWarnings("unchecked")
        ListView<Object> samples = robot.from(root).lookup("#samplesList").queryAs(ListView.class);
        List<double[]> level = new ArrayList<>();
        robot.interact(() -> {
            double lastStep = chart.getData().get(0).getData().get(chart.getData().get(0).getData().size() - 1)
                    .getXValue().doubleValue();
            assertEquals("letter frequencies alone", chart.getData().get(2).getName());
            chart.getData().get(2).getData().forEach(d -> level.add(new double[]{d.getXValue().doubleValue(),
                    d.getYValue().doubleValue(), lastStep}));
        });
        assertEquals(2, level.size(), "the baseline is one level line");
        assertEquals(0, level.get(0)[0]);
        assertEquals(level.get(1)[2], level.get(1)[0], "it reaches the last step drawn");
        assertEquals(level.get(0)[1], level.get(1)[1]);
        assertTrue(level.get(0)[1] > 2 && level.get(0)[1] < 4, "an English text's letters: " + level.get(0)[1]);

        TabPane tabs = robot.from(root).lookup("#studioTabs").queryAs(TabPane.class);
        Label summary = robot.from(root).lookup("#generationSummary").queryAs(Label.class);
        robot.interact(() -> {
            tabs.getSelectionModel().select(1);
            WindowProbe.spinner(robot, root, "#lengthSpinner").getValueFactory().setValue(20);
        });
        click(robot, robot.from(root).lookup("#generateButton").queryButton());
        waitUntil(robot, root, () -> summary.getText().startsWith("20 characters"));
        robot.interact(() -> tabs.getSelectionModel().select(0));

        click(robot, newModel);
        robot.clickOn(dialogButton(robot, root, "#cancelNewModelButton"));
        assertTrue(label(robot, root, "#statusLabel").startsWith("Finished at step 40"), "Cancel keeps the model");
        assertFalse(chart.getData().get(0).getData().isEmpty());

        click(robot, newModel);
        robot.clickOn(dialogButton(robot, root, "#discardButton"));
        assertTrue(label(robot, root, "#statusLabel").startsWith("New model"), label(robot, root, "#statusLabel"));
        for (XYChart.Series<Number, Number> series : chart.getData()) {
            assertTrue(series.getData().isEmpty(), series.getName() + " is cleared");
            assertTrue(((Path) series.getNode()).getElements().isEmpty(), series.getName() + " draws nothing");
        }
        assertTrue(samples.getItems().isEmpty());
        GridPane timeline = robot.from(root).lookup("#timelineGrid").queryAs(GridPane.class);
        assertTrue(timeline.getChildren().isEmpty(), "no headings over an empty timeline: " + timeline.getChildren());
        assertEquals("Train a model: samples appear here at evenly spaced steps.", label(robot, root, "#timelineHint"));
        waitUntil(robot, root, () -> summary.getText().isEmpty()); // the old model's text leaves the page with it
        TextFlow shown = robot.from(root).lookup("#outputFlow").queryAs(TextFlow.class);
        assertEquals("", WaitForAsyncUtils.asyncFx(() -> shown.getChildren().stream()
                .map(n -> n instanceof Text t ? t.getText() : "").reduce("", String::concat)).get());

        robot.interact(() -> WindowProbe.spinner(robot, root, "#autosaveSpinner").getValueFactory().setValue(5));
        click(robot, train);
        waitUntil(robot, root, () -> label(robot, root, "#statusLabel").startsWith("Finished at step 40")
                && label(robot, root, "#statusLabel").contains("autosaved step 40"));
        click(robot, newModel);
        assertTrue(label(robot, root, "#statusLabel").startsWith("New model"), "a saved model goes without a question");
    }

    @Test
    void theMessageBarCoversNoControlAndProblemsGoAway(FxRobot robot) {
        Parent root = stage.getScene().getRoot();
        MessageBar bar = robot.from(root).lookup("#notifications").queryAs(MessageBar.class);
        click(robot, robot.from(root).lookup("#trainButton").queryButton());
        waitUntil(robot, root, () -> bar.isShowing() && bar.getText().equals("Pick a corpus first."));
        Bounds message = bar.localToScene(bar.getLayoutBounds());
        for (String id : List.of("#copyButton", "#saveTextButton", "#samplesList", "#corpusPreview")) {
            Node control = robot.from(root).lookup(id).query();
            Bounds bounds = control.localToScene(control.getLayoutBounds());
            assertTrue(bounds.getMaxY() <= message.getMinY(), id + " " + bounds + " is above the message " + message);
        }
        waitUntil(robot, root, () -> !bar.isShowing());
        assertEquals("Pick a corpus first.", bar.getText(), "the message is gone from view, not changed");
    }

    private static Color stroke(FxRobot robot, Parent root, String series) {
        return (Color) line(robot, root, series).getStroke();
    }

    private static Path line(FxRobot robot, Parent root, String series) {
        return robot.from(root).lookup("#lossChart .chart-series-line." + series).queryAs(Path.class);
    }
}
