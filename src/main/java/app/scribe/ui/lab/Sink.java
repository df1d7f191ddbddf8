package app.scribe.ui.lab;

import javafx.application.Platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where an experiment thread puts its points, table rows and progress; they are handed to the page's FX thread in
 * batches, at most one pending hand-over at a time.
 */
public final class Sink {
    /** A point; one that {@code replaces} takes the place of the series' point at the same x. */
    record Point(String series, double x, double y, boolean replaces) {
    }

    private final LabPage page;
    private final long started = System.nanoTime();
    private List<Point> points = new ArrayList<>();
    private List<List<String>> rows = new ArrayList<>();
    private List<String> header;
    private double fraction = -1;
    private boolean pending;

    Sink(LabPage page) {
        this.page = page;
    }

    synchronized void header(List<String> columns) {
        header = List.copyOf(columns);
        schedule();
    }

    synchronized void point(String series, double x, double y) {
        if (Double.isFinite(y)) {
            points.add(new Point(series, x, y, false));
            schedule();
        }
    }

    /** The series' value at x, replacing the one shown there before. */
    synchronized void set(String series, double x, double y) {
        if (Double.isFinite(y)) {
            points.add(new Point(series, x, y, true));
            schedule();
        }
    }

    synchronized void row(List<String> cells) {
        rows.add(List.copyOf(cells));
        schedule();
    }

    synchronized void progress(double done) {
        fraction = Math.max(0, Math.min(1, done));
        schedule();
    }

    /** Hands over what is left, then runs {@code then} on the FX thread. */
    void flushThen(Runnable then) {
        Platform.runLater(() -> {
            drain();
            then.run();
        });
    }

    private void schedule() {
        if (!pending) {
            pending = true;
            Platform.runLater(this::drain);
        }
    }

    private void drain() {
        List<Point> p;
        List<List<String>> r;
        List<String> h;
        double f;
        synchronized (this) {
            p = points;
            r = rows;
            h = header;
            f = fraction;
            points = new ArrayList<>();
            rows = new ArrayList<>();
            pending = false;
        }
        page.apply(p, r, h, f, eta(started, f));
    }

    /** How far the run is and how long it has left, from its start and the share done. */
    private static String eta(long startedNanos, double fraction) {
        if (fraction <= 0) {
            return "";
        }
        double elapsed = (System.nanoTime() - startedNanos) / 1e9;
        double left = elapsed * (1 - fraction) / fraction;
        return String.format(Locale.ROOT, "%.0f%% · %s left", fraction * 100, duration(left));
    }

    private static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 60 ? (s / 60) + " min " + (s % 60) + " s" : s + " s";
    }
}
