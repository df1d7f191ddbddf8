package app.scribe.ui.training;

import app.scribe.training.TrainingHistory;
import app.scribe.ui.common.BackgroundWork;
import app.scribe.ui.common.Messages;
import app.scribe.ui.common.Session;
import javafx.scene.Scene;
import javafx.scene.chart.Axis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The step axis's labels never run together, at the chart widths of a 1024 and a 1280 window and beyond, and the
 * last one lies whole within the chart (a split pane cuts what runs past it).
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class LossChartTest {
    @TempDir
    static Path dir;
    private Stage stage;
    private TrainingViewModel training;
    private NumberAxis steps;
    private LineChart<Number, Number> chart;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        training = new TrainingViewModel(new Session(dir, dir, new BackgroundWork(), new Messages()));
        steps = new NumberAxis();
        NumberAxis loss = new NumberAxis();
        chart = new LineChart<>(steps, loss);
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        new LossChart(chart, steps, loss, training);
        stage.setScene(new Scene(new StackPane(chart), 1000, 400));
        stage.show();
    }

    @Test
    void stepLabelsKeepApartAtEveryWidthAndLength(FxRobot robot) throws Exception {
        for (double width : new double[]{420, 480, 560, 900}) {
            for (long last : new long[]{7, 1280, 1700, 4888, 123_456, 9_999_999}) {
                List<String> overlaps = WaitForAsyncUtils.asyncFx(() -> overlaps(width, last)).get();
                assertEquals(List.of(), overlaps, width + " px wide, up to step " + last);
            }
        }
    }

    @Test
    void theAxisReachesTheLastStepInRoundTicks() {
        assertEquals(1, LossChart.roundUnit(0.3));
        assertEquals(200, LossChart.roundUnit(170));
        assertEquals(500, LossChart.roundUnit(201));
        assertEquals(1000, LossChart.roundUnit(1000));
    }

    /** The pairs of neighbouring step labels that touch, and a last label cut at the right, with the chart {@code width} wide and steps up to {@code last}. */
    private List<String> overlaps(double width, long last) {
        chart.setMaxWidth(width);
        training.trainingLoss().setAll(LongStream.rangeClosed(1, 100).mapToObj(i ->
                new TrainingHistory.Point(Math.max(1, last * i / 100), 3 - i / 100.0)).toList());
        stage.getScene().getRoot().applyCss();
        stage.getScene().getRoot().layout();
        steps.requestAxisLayout();
        stage.getScene().getRoot().layout();
        assertTrue(steps.getUpperBound() >= last, "the axis reaches step " + last + ": " + steps.getUpperBound());
        List<Axis.TickMark<Number>> marks = steps.getTickMarks().stream().filter(Axis.TickMark::isTextVisible).toList();
        List<String> touching = new ArrayList<>();
        for (int i = 1; i < marks.size(); i++) {
            double room = marks.get(i).getPosition() - marks.get(i - 1).getPosition();
            String left = label(marks.get(i - 1));
            String right = label(marks.get(i));
            if (room < (width(left) + width(right)) / 2 + 4) {
                touching.add(left + "|" + right);
            }
        }
        Axis.TickMark<Number> lastMark = marks.get(marks.size() - 1);
        double end = steps.localToScene(lastMark.getPosition() + width(label(lastMark)) / 2, 0).getX();
        if (end > chart.localToScene(chart.getLayoutBounds()).getMaxX()) {
            touching.add(label(lastMark) + " runs past the chart's right edge");
        }
        return touching;
    }

    /** A tick's label as the axis shows it: the step with its thousands separated. */
    private static String label(Axis.TickMark<Number> mark) {
        return String.format(Locale.ROOT, "%,d", mark.getValue().longValue());
    }

    private double width(String label) {
        Text text = new Text(label);
        text.setFont(steps.getTickLabelFont());
        return text.getLayoutBounds().getWidth();
    }
}
