package app.scribe.ui.training;

import app.scribe.training.TrainingHistory;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;

import java.util.ArrayList;
import java.util.List;

/** The live loss chart: the smoothed training loss and the validation loss, in nats or bits per character. */
final class LossChart {
    static final String NATS = "nats/char";
    static final String BITS = "bits/char";
    private static final double LN2 = Math.log(2);
    /** The chart thins its lines beyond this many points so that drawing stays cheap in long runs. */
    private static final int MAX_CHART_POINTS = 1500;

    private final NumberAxis lossAxis;
    private final TrainingViewModel training;
    private final XYChart.Series<Number, Number> trainingSeries = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> validationSeries = new XYChart.Series<>();

    LossChart(LineChart<Number, Number> chart, NumberAxis lossAxis, TrainingViewModel training) {
        this.lossAxis = lossAxis;
        this.training = training;
        trainingSeries.setName("training (smoothed)");
        validationSeries.setName("validation");
        chart.getData().setAll(List.of(trainingSeries, validationSeries));
        follow(training.trainingLoss(), trainingSeries);
        follow(training.validationLoss(), validationSeries);
        redraw();
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
        });
    }

    private void redraw() {
        lossAxis.setLabel(training.bitsPerCharProperty().get() ? BITS : NATS);
        trainingSeries.getData().setAll(training.trainingLoss().stream().map(this::toData).toList());
        validationSeries.getData().setAll(training.validationLoss().stream().map(this::toData).toList());
        thin(trainingSeries);
        for (var series : List.of(trainingSeries, validationSeries)) {
            if (series.getData().isEmpty() && series.getNode() instanceof javafx.scene.shape.Path line) {
                line.getElements().clear(); // LineChart keeps drawing an emptied series' old line, rescaled
            }
        }
    }

    private XYChart.Data<Number, Number> toData(TrainingHistory.Point p) {
        double scale = training.bitsPerCharProperty().get() ? 1 / LN2 : 1;
        return new XYChart.Data<>(p.step(), p.loss() * scale);
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
