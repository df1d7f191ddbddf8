package app.scribe.lab;

import app.scribe.model.CellType;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/** A sweep's results as tables (every run; mean and spread per cell and length) and as the accuracy plot. */
public record SweepTables(List<TaskRun.Result> results) {
    public static final List<String> RUN_HEADER = List.of("cell", "length", "seed", "steps", "ending",
            "final_loss", "test_accuracy");

    public SweepTables {
        results = List.copyOf(results);
    }

    public static List<String> row(TaskRun.Result r) {
        return List.of(r.settings().cell().id(), Integer.toString(r.settings().length()),
                Long.toString(r.settings().seed()), Integer.toString(r.steps()), r.ending().text,
                Numbers.result(r.finalLoss()), Numbers.result(r.testAccuracy()));
    }

    public Table runs() {
        Table t = Table.of(RUN_HEADER);
        for (TaskRun.Result r : results) {
            t = t.with(row(r));
        }
        return t;
    }

    public Table summary() {
        Table t = Table.of(List.of("cell", "length", "mean_accuracy", "spread", "runs"));
        for (Sweep.Point p : Sweep.summarise(results)) {
            t = t.with(List.of(p.cell().id(), Integer.toString(p.length()), Numbers.result(p.mean()),
                    Numbers.result(p.spread()), Integer.toString(p.runs())));
        }
        return t;
    }

    public BufferedImage picture() {
        List<Sweep.Point> points = Sweep.summarise(results);
        List<PlotPicture.Series> series = new ArrayList<>();
        for (CellType cell : CellType.values()) {
            List<Sweep.Point> mine = points.stream().filter(p -> p.cell() == cell).toList();
            if (!mine.isEmpty()) {
                double[] x = new double[mine.size()];
                double[] y = new double[mine.size()];
                double[] spread = new double[mine.size()];
                for (int i = 0; i < mine.size(); i++) {
                    x[i] = mine.get(i).length();
                    y[i] = mine.get(i).mean();
                    spread[i] = mine.get(i).spread();
                }
                series.add(new PlotPicture.Series(cell.id(), x, y, spread));
            }
        }
        return PlotPicture.draw("Palindromes: test accuracy against length (mean and spread over seeds)",
                "palindrome length T", "test accuracy", false, series);
    }
}
