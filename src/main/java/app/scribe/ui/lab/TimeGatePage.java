package app.scribe.ui.lab;

import app.scribe.lab.GateCurve;
import app.scribe.lab.GateUnits;
import app.scribe.lab.Numbers;
import javafx.application.Platform;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.Priority;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Page 3: the time gate k(t) of a time-gated LSTM unit; sliders for tau, s, r_on and alpha, several curves at once
 * (the kept ones plus the one the sliders show), redrawn as a slider moves; and, for a trained tglstm model, how
 * its units learnt to open: histograms of their periods and open ratios.
 */
public final class TimeGatePage extends LabPage {
    final Slider tau = form.field("tau (period)", slider(1, 200, 50), "Tau");
    final Slider shift = form.field("s (shift)", slider(0, 100, 0), "Shift");
    final Slider rOn = form.field("r_on (open ratio)", slider(0.01, 1, 0.2), "ROn");
    final Slider alpha = form.field("alpha (leak)", slider(0, 0.2, 0), "Alpha");
    final TextField steps = form.text("Steps", "Steps", "200");
    final TextField model = form.text("A tglstm model's units", "Model", "");
    final BarChart<String, Number> tauHistogram = histogram("learnt tau (period)");
    final BarChart<String, Number> rOnHistogram = histogram("learnt r_on (open ratio)");
    private static final int BINS = 10;
    private final List<GateCurve> kept = new ArrayList<>();

    TimeGatePage() {
        super("timegate", "How does the time gate open and close? k(t) rises for r_on·tau/2 steps, falls for as long, "
                        + "then stays shut (or leaks alpha·phi) until the next period (seed 000, question 2).",
                "Seed 000, figures 3-5: tau sets the period, s shifts the phase, r_on the share of the period the gate "
                        + "is open; it opens in short bursts and otherwise keeps the old state.",
                "t", "k(t)");
        model.setPromptText("optional: a trained tglstm model file (.scribe)");
        tauHistogram.setId("timegateTauHistogram");
        rOnHistogram.setId("timegateROnHistogram");
        HBox histograms = new HBox(6, tauHistogram, rOnHistogram);
        root.getChildren().add(root.getChildren().indexOf(chartAndTable) + 1, histograms);
        Button keep = new Button("Keep curve");
        keep.setId("timegateKeep");
        keep.setOnAction(e -> {
            GateCurve curve = current();
            if (curve == null) {
                status.setText("Fix the field marked in red.");
            } else {
                kept.add(curve);
                run.fire();
            }
        });
        Button clear = new Button("Clear kept");
        clear.setOnAction(e -> {
            kept.clear();
            run.fire();
        });
        form.addRow(5, new Label(""), new HBox(6, keep, clear));
        for (Slider s : List.of(tau, shift, rOn, alpha)) {
            s.valueProperty().addListener((o, a, b) -> {
                if (!isRunning()) {
                    run.fire();
                }
            });
        }
    }

    private static BarChart<String, Number> histogram(String label) {
        CategoryAxis x = new CategoryAxis();
        x.setLabel(label);
        NumberAxis y = new NumberAxis();
        y.setLabel("units");
        BarChart<String, Number> chart = new BarChart<>(x, y);
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        chart.setPrefHeight(200);
        HBox.setHgrow(chart, Priority.ALWAYS);
        return chart;
    }

    private static Slider slider(double min, double max, double value) {
        Slider s = new Slider(min, max, value);
        s.setShowTickLabels(true);
        s.setPrefWidth(320);
        return s;
    }

    private GateCurve current() {
        Integer n = form.read(steps, () -> LabForm.whole(steps, 1, GateCurve.MAX_STEPS, "steps"));
        return n == null ? null : new GateCurve(round(tau.getValue()), round(shift.getValue()), round(rOn.getValue()),
                round(alpha.getValue()), n);
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    @Override
    Experiment prepare() {
        List<GateCurve> curves = new ArrayList<>(kept);
        curves.add(current());
        String file = model.getText().strip();
        Path path = file.isEmpty() ? null : form.read(model, () -> LabForm.existingFile(file));
        if (file.isEmpty()) {
            form.clear(model);
        }
        return (sink, stop) -> {
            String units = "";
            if (path != null) {
                List<GateUnits.Layer> layers = GateUnits.of(path);
                Platform.runLater(() -> show(layers));
                units = " The histograms show the " + layers.get(0).tau().length + " units of each of "
                        + layers.size() + " layer(s) of " + path.getFileName() + ".";
            }
            sink.header(List.of("curve", "t", "k"));
            for (int c = 0; c < curves.size() && !stop.requested(); c++) {
                GateCurve curve = curves.get(c);
                double[] k = curve.values();
                String name = (c == curves.size() - 1 ? "now: " : "") + curve.label();
                for (int t = 0; t < k.length; t++) {
                    sink.point(name, t, k[t]);
                    sink.row(List.of(curve.label(), Integer.toString(t), Numbers.result(k[t])));
                }
                sink.progress((c + 1.0) / curves.size());
            }
            return curves.size() + " curve(s) of k(t)." + units;
        };
    }

    private void show(List<GateUnits.Layer> layers) {
        tauHistogram.getData().clear();
        rOnHistogram.getData().clear();
        for (GateUnits.Layer layer : layers) {
            tauHistogram.getData().add(bars("layer " + layer.index(), GateUnits.Histogram.of(layer.tau(), BINS)));
            rOnHistogram.getData().add(bars("layer " + layer.index(), GateUnits.Histogram.of(layer.rOn(), BINS)));
        }
    }

    private static XYChart.Series<String, Number> bars(String name, GateUnits.Histogram h) {
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        series.setName(name);
        for (int i = 0; i < h.counts().length; i++) {
            series.getData().add(new XYChart.Data<>(Numbers.result(Math.round(h.lower(i) * 100) / 100.0),
                    h.counts()[i]));
        }
        return series;
    }
}
