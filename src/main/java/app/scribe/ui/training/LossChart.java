package app.scribe.ui.training;

import app.scribe.training.TrainingHistory;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.text.Text;
import javafx.util.StringConverter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The live loss chart: the smoothed training loss and the validation loss, in nats or bits per character, under the
 * line of what letter frequencies alone score on the validation text (a model above it has learnt nothing more).
 * The step axis takes a round tick unit (1, 2 or 5 times a power of ten) wide enough for its labels at the chart's
 * width, so that they never run together.
 */
final class LossChart {
    static final String NATS = "nats/char";
    static final String BITS = "bits/char";
    static final String BASELINE = "letter frequencies alone";
    private static final double LN2 = Math.log(2);
    /** The chart thins its lines beyond this many points so that drawing stays cheap in long runs. */
    private static final int MAX_CHART_POINTS = 1500;

    /** The room a step label takes beyond its own width. */
    private static final double LABEL_GAP = 18;

    private final LineChart<Number, Number> chart;
    private final NumberAxis stepAxis;
    private final NumberAxis lossAxis;
    private final TrainingViewModel training;
    private final XYChart.Series<Number, Number> trainingSeries = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> validationSeries = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> baselineSeries = new XYChart.Series<>();

    LossChart(LineChart<Number, Number> chart, NumberAxis stepAxis, NumberAxis lossAxis, TrainingViewModel training) {
        this.chart = chart;
        this.stepAxis = stepAxis;
        this.lossAxis = lossAxis;
        this.training = training;
        trainingSeries.setName("training (smoothed)");
        validationSeries.setName("validation");
        baselineSeries.setName(BASELINE);
        chart.getData().setAll(List.of(trainingSeries, validationSeries, baselineSeries));
        follow(training.trainingLoss(), trainingSeries);
        follow(training.validationLoss(), validationSeries);
        training.unigramBaselineProperty().addListener(o -> stretchBaseline());
        stepAxis.setAutoRanging(false);
        stepAxis.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number step) {
                return String.format(Locale.ROOT, "%,d", step.longValue());
            }

            @Override
            public Number fromString(String text) {
                return Long.parseLong(text.replace(",", ""));
            }
        });
        stepAxis.widthProperty().addListener(o -> fitSteps());
        stepAxis.tickLabelFontProperty().addListener(o -> fitSteps());
        redraw();
    }

    /**
     * The step axis from 0 to a round step past the last one drawn, its ticks as close as their labels allow; the
     * chart keeps room at its right for the half of the last label that lies past the axis's end.
     */
    private void fitSteps() {
        long last = Math.max(1, Math.max(lastStep(training.trainingLoss()), lastStep(training.validationLoss())));
        double room = labelWidth(last * 2) + LABEL_GAP;
        long ticks = Math.max(1, (long) (stepAxis.getWidth() / room));
        long unit = roundUnit((double) last / ticks);
        long upper = unit * Math.max(1, (long) Math.ceil((double) last / unit));
        stepAxis.setTickUnit(unit);
        stepAxis.setLowerBound(0);
        stepAxis.setUpperBound(upper);
        if (stepAxis.getWidth() <= 0) {
            return; // not laid out yet: the chart's padding is still to come from its style
        }
        Insets padding = chart.getPadding();
        double right = Math.max(padding.getLeft(), Math.ceil(labelWidth(upper) / 2) + 2);
        if (padding.getRight() != right) {
            chart.setPadding(new Insets(padding.getTop(), right, padding.getBottom(), padding.getLeft()));
        }
    }

    private double labelWidth(long step) {
        Text label = new Text(stepAxis.getTickLabelFormatter().toString(step));
        label.setFont(stepAxis.getTickLabelFont());
        return label.getLayoutBounds().getWidth();
    }

    /** The smallest 1, 2 or 5 times a power of ten that is at least {@code steps}, and at least 1. */
    static long roundUnit(double steps) {
        long power = 1;
        while (true) {
            for (long m : new long[]{1, 2, 5}) {
                if (m * power >= steps) {
                    return m * power;
                }
            }
            power *= 10;
        }
    }

    void showIn(String units) {
        training.bitsPerCharProperty().set(BITS.equals(units));
        redraw();
    }

    private void follow(ObservableList<TrainingHistory.Point> points, XYChart.Series<Number, Number> series) {
        points.addListener((ListChangeListener<TrainingHistory.Point>) change -> {
            while (change.next()) {
                if (change.wasRemoved() || change.getFrom() == 0) {
                    redraw();
                    return;
                }
                change.getAddedSubList().forEach(p -> series.getData().add(toData(p)));
                thin(series);
            }
            stretchBaseline();
        });
    }

    private void redraw() {
        lossAxis.setLabel(training.bitsPerCharProperty().get() ? BITS : NATS);
        trainingSeries.getData().setAll(training.trainingLoss().stream().map(this::toData).toList());
        validationSeries.getData().setAll(training.validationLoss().stream().map(this::toData).toList());
        thin(trainingSeries);
        stretchBaseline();
        for (var series : List.of(trainingSeries, validationSeries, baselineSeries)) {
            if (series.getData().isEmpty() && series.getNode() instanceof javafx.scene.shape.Path line) {
                line.getElements().clear(); // LineChart keeps drawing an emptied series' old line, rescaled
            }
        }
    }

    /** The baseline runs level from step 0 to the last step drawn, once the run has told it. */
    private void stretchBaseline() {
        fitSteps();
        double nats = training.unigramBaselineProperty().get();
        long last = Math.max(lastStep(training.trainingLoss()), lastStep(training.validationLoss()));
        if (Double.isNaN(nats) || last <= 0) {
            baselineSeries.getData().clear();
            return;
        }
        double loss = nats * scale();
        baselineSeries.getData().setAll(List.of(new XYChart.Data<>(0, loss), new XYChart.Data<>(last, loss)));
    }

    private static long lastStep(List<TrainingHistory.Point> points) {
        return points.isEmpty() ? 0 : points.get(points.size() - 1).step();
    }

    private double scale() {
        return training.bitsPerCharProperty().get() ? 1 / LN2 : 1;
    }

    private XYChart.Data<Number, Number> toData(TrainingHistory.Point p) {
        return new XYChart.Data<>(p.step(), p.loss() * scale());
    }

    private static void thin(XYChart.Series<Number, Number> series) {
        var data = series.getData();
        if (data.size() > MAX_CHART_POINTS) {
            List<XYChart.Data<Number, Number>> kept = new ArrayList<>();
            for (int i = 0; i < data.size(); i++) {
                if (i % 2 == 0 || i == data.size() - 1) {
                    kept.add(data.get(i));
                }
            }
            data.setAll(kept);
        }
    }
}
