package app.scribe.ui.lab;

import app.scribe.ErrorLog;
import app.scribe.ScribeException;
import app.scribe.lab.PlotPicture;
import app.scribe.lab.Stop;
import app.scribe.lab.Table;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.ValueAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One page of the Lab: the question and what the seed report found, a form whose bad values are explained beside
 * the field, Run and Stop, a progress bar with ETA, a live line chart, a result table, and Save PNG / Save CSV into
 * a results folder. The experiment runs on a daemon thread of its own; its points and rows reach the chart and the
 * table batched, one FX pulse at a time.
 */
public abstract class LabPage {
    /** The results table keeps room for this many rows under its header. */
    private static final int TABLE_ROWS = 5;
    private static final double ROW_HEIGHT = 24;
    private static final String NO_RESULTS = "The results show here: press Run.";

    final String id;
    final VBox root = new VBox(6);
    /** The page's fields, declared each in one line by the page with {@link LabForm#field}. */
    final LabForm form;
    final Button run = new Button("Run");
    final Button stop = new Button("Stop");
    final ProgressBar progress = new ProgressBar(0);
    final Label progressLabel = new Label();
    final Label status = new Label();
    final LineChart<Number, Number> chart;
    final TableView<List<String>> table = new TableView<>();
    /** What the empty table says: where the results show, or that the run is going. */
    private final Label placeholder = new Label(NO_RESULTS);
    /** The live chart beside the results table. */
    final SplitPane chartAndTable = new SplitPane();
    final TextField folder = new TextField(ResultsFolder.defaultFolder());
    /** Off until a run has given results to save. */
    private final Button savePng = new Button("Save PNG");
    private final Button saveCsv = new Button("Save CSV");
    private final ResultsFolder saving;
    private final Map<String, XYChart.Series<Number, Number>> series = new LinkedHashMap<>();
    private Table results;
    private Stop running;

    LabPage(String id, String question, String finding, String xLabel, String yLabel) {
        this.id = id;
        form = new LabForm(id);
        NumberAxis x = new NumberAxis();
        x.setLabel(xLabel);
        NumberAxis y = new NumberAxis();
        y.setLabel(yLabel);
        y.setForceZeroInRange(false);
        y.setTickLabelFormatter(new NumberAxis.DefaultFormatter(y) {
            @Override
            public String toString(Number value) {
                String shown = super.toString(value);
                return shown.matches("-0([.,]0*)?") ? shown.substring(1) : shown; // a tick at 0 shows no "-0"
            }
        });
        chart = new LineChart<>(x, y);
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setId(id + "Chart");
        chart.setMinHeight(240);
        VBox.setVgrow(chart, Priority.ALWAYS);
        Label q = new Label(question);
        q.setWrapText(true);
        q.getStyleClass().add("heading");
        Label f = new Label(finding);
        f.setWrapText(true);
        run.setId(id + "Run");
        stop.setId(id + "Stop");
        stop.setDisable(true);
        run.setOnAction(e -> start());
        stop.setOnAction(e -> stop());
        savePng.setId(id + "SavePng");
        savePng.setOnAction(e -> savePng());
        saveCsv.setId(id + "SaveCsv");
        saveCsv.setOnAction(e -> saveCsv());
        showResults(false);
        form.checkOnCommit(this::check);
        folder.setId(id + "Folder");
        folder.setPrefColumnCount(24);
        progress.setId(id + "Progress");
        progress.setPrefWidth(220);
        progressLabel.setId(id + "ProgressLabel");
        status.setId(id + "Status");
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        table.setId(id + "Table");
        table.setFixedCellSize(ROW_HEIGHT);
        table.setMinHeight(ROW_HEIGHT * (TABLE_ROWS + 1) + 30); // the header, five rows, a horizontal scroll bar
        table.setPrefHeight(ROW_HEIGHT * (TABLE_ROWS + 1) + 30);
        table.setPlaceholder(placeholder);
        HBox buttons = new HBox(6, run, stop, progress, progressLabel);
        saving = new ResultsFolder(id, folder, status);
        HBox savingRow = new HBox(6, new Label("Results folder"), folder, savePng, saveCsv);
        for (Label wrapped : List.of(q, f, status)) {
            // Without a minimum height a wrapping label in a VBox keeps one line and ends in an ellipsis.
            wrapped.setMinHeight(Region.USE_PREF_SIZE);
        }
        root.setPadding(new Insets(8));
        // The chart and the results side by side, so that both show without scrolling on a 700-pixel screen.
        chartAndTable.getItems().setAll(chart, table);
        chartAndTable.setDividerPositions(0.6);
        chartAndTable.setMinHeight(Math.max(240, table.getMinHeight()));
        VBox.setVgrow(chartAndTable, Priority.ALWAYS);
        table.setMinWidth(260);
        chart.setMinWidth(320);
        root.getChildren().addAll(q, f, form, buttons, savingRow, status, chartAndTable);
    }

    /**
     * Reads the form as Run does, marking each field it refuses and clearing the others, without running: a field is
     * checked as soon as it is committed. A refusal that is no field's is told at Run.
     */
    private void check() {
        form.startReading();
        try {
            prepare();
        } catch (ScribeException | NumberFormatException e) {
            // told at Run, in the status line
        }
    }

    /**
     * Whether there are results: Save PNG and Save CSV are off without them, and an empty chart's axes show no
     * scale (a made-up range would read as one).
     */
    private void showResults(boolean shown) {
        savePng.setDisable(!shown);
        saveCsv.setDisable(!shown);
        for (var axis : List.of(chart.getXAxis(), chart.getYAxis())) {
            axis.setTickLabelsVisible(shown);
            axis.setTickMarkVisible(shown);
            ((ValueAxis<Number>) axis).setMinorTickVisible(shown);
        }
    }

    /** What to run, built from the form on the FX thread (fields read with {@link LabForm#read}). */
    abstract Experiment prepare();

    /** The work itself, on the experiment thread. */
    interface Experiment {
        /** Runs to the end or until {@code stop}; returns the sentence shown when it ends. */
        String run(Sink sink, Stop stop);
    }

    private void start() {
        Experiment prepared;
        form.startReading();
        try {
            prepared = prepare();
        } catch (RuntimeException e) {
            if (form.refused() == 0 && !(e instanceof ScribeException)) {
                throw e;
            }
            prepared = null;
            status.setText(form.refused() == 0 ? e.getMessage() : form.fixFields());
        }
        if (form.refused() > 0 && prepared != null) {
            status.setText(form.fixFields());
            prepared = null;
        }
        if (prepared == null) {
            return;
        }
        Experiment experiment = prepared;
        series.clear();
        chart.getData().clear();
        results = null;
        showResults(false);
        table.getItems().clear();
        table.getColumns().clear();
        progress.setProgress(0);
        progressLabel.setText("");
        status.setText("Running…");
        placeholder.setText("Running…");
        Stop stopper = new Stop();
        running = stopper;
        // Stop takes the focus before Run is disabled, so that it never falls to the results folder's path.
        stop.setDisable(false);
        stop.requestFocus();
        run.setDisable(true);
        Sink sink = new Sink(this);
        Thread thread = new Thread(() -> {
            String end;
            try {
                end = experiment.run(sink, stopper);
            } catch (ScribeException e) {
                end = e.getMessage();
            } catch (RuntimeException | Error e) {
                end = "The experiment failed unexpectedly (" + e + "); details are in " + ErrorLog.write(e);
            }
            String message = end;
            sink.flushThen(() -> finished(stopper, message));
        }, "scribe-lab-" + id);
        thread.setDaemon(true);
        thread.start();
    }

    private void finished(Stop stopper, String message) {
        if (running == stopper) {
            running = null;
            placeholder.setText(NO_RESULTS);
            run.setDisable(false);
            if (stop.isFocused()) {
                run.requestFocus();
            }
            stop.setDisable(true);
        }
        status.setText(message);
    }

    void stop() {
        if (running != null) {
            running.request();
            status.setText("Stopping…");
        }
    }

    boolean isRunning() {
        return running != null;
    }

    /** On the FX thread: the batched updates. */
    void apply(List<Sink.Point> points, List<List<String>> rows, List<String> header, double fraction, String eta) {
        if (header != null && results == null) {
            results = Table.of(header);
            for (int i = 0; i < header.size(); i++) {
                table.getColumns().add(ResultColumn.of(header.get(i), i));
            }
            showResults(true);
        }
        for (Sink.Point p : points) {
            List<XYChart.Data<Number, Number>> data = series.computeIfAbsent(p.series(), name -> {
                XYChart.Series<Number, Number> s = new XYChart.Series<>();
                s.setName(name);
                chart.getData().add(s);
                return s;
            }).getData();
            if (p.replaces()) {
                data.removeIf(d -> d.getXValue().doubleValue() == p.x());
                int at = 0;
                while (at < data.size() && data.get(at).getXValue().doubleValue() < p.x()) {
                    at++;
                }
                data.add(at, new XYChart.Data<>(p.x(), p.y()));
            } else {
                data.add(new XYChart.Data<>(p.x(), p.y()));
            }
        }
        for (List<String> r : rows) {
            results = results.with(r);
            table.getItems().add(r);
            for (int i = 0; i < r.size() && i < table.getColumns().size(); i++) {
                ResultColumn.fit(table.getColumns().get(i), r.get(i));
            }
        }
        if (fraction >= 0) {
            progress.setProgress(fraction);
            progressLabel.setText(eta);
        }
    }

    private void savePng() {
        java.awt.image.BufferedImage image = SwingFXUtils.fromFXImage(chart.snapshot(null, null), null);
        saving.save(target -> PlotPicture.write(image, target), "png");
    }

    private void saveCsv() {
        Table snapshot = results;
        saving.save(snapshot::writeCsv, "csv");
    }
}
