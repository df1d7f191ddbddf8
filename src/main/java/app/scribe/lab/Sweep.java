package app.scribe.lab;

import app.scribe.ScribeException;
import app.scribe.model.CellType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Page 1's sweep: one palindrome run for every cell, length and seed (seeds {@code seed, seed + 1, ...}), on a few
 * threads at once; each result is reported as its run ends, seed by seed so that whole curves appear first.
 */
public final class Sweep {
    public static final int MAX_RUNS = 10_000;

    /** Mean and (population) standard deviation of the test accuracy of one cell at one length. */
    public record Point(CellType cell, int length, double mean, double spread, int runs) {
    }

    public interface Listener {
        void finished(TaskRun.Result result);
    }

    private Sweep() {
    }

    /** {@code "5-30:5"} (from-to:step) or a comma list {@code "5,10,20"}. */
    public static List<Integer> lengths(String text) {
        List<Integer> out = new ArrayList<>();
        try {
            String t = text.strip();
            if (t.contains("-")) {
                String[] range = t.split(":");
                String[] ends = range[0].split("-");
                int from = Integer.parseInt(ends[0].strip());
                int to = Integer.parseInt(ends[1].strip());
                int step = range.length > 1 ? Integer.parseInt(range[1].strip()) : 1;
                if (step < 1 || to < from || ends.length != 2 || range.length > 2) {
                    throw new NumberFormatException();
                }
                for (int v = from; v <= to; v += step) {
                    out.add(v);
                }
            } else {
                for (String part : t.split(",")) {
                    out.add(Integer.parseInt(part.strip()));
                }
            }
        } catch (RuntimeException e) {
            throw new ScribeException("Lengths must be FROM-TO:STEP (e.g. 5-30:5) or a list like 5,10,20 (got '"
                    + text + "').");
        }
        return out;
    }

    public static List<CellType> cells(String text) {
        List<CellType> out = new ArrayList<>();
        for (String part : text.split(",")) {
            out.add(CellType.parse(part));
        }
        return out;
    }

    /** Every run's settings, seed by seed, then length, then cell; each is checked before anything runs. */
    public static List<TaskSettings> plan(TaskSettings base, List<CellType> cells, List<Integer> lengths, int seeds) {
        if (seeds < 1 || seeds > 100) {
            throw new ScribeException("Seeds must be between 1 and 100 (got " + seeds + ").");
        }
        if ((long) cells.size() * lengths.size() * seeds > MAX_RUNS) {
            throw new ScribeException("A sweep may have at most " + MAX_RUNS + " runs.");
        }
        List<TaskSettings> runs = new ArrayList<>();
        for (int s = 0; s < seeds; s++) {
            for (int length : lengths) {
                for (CellType cell : cells) {
                    runs.add(base.withCell(cell).withLength(length).withSeed(base.seed() + s));
                }
            }
        }
        return runs;
    }

    /** Runs the plan on {@code threads} threads; returns the results in the plan's order (stopped runs included). */
    public static List<TaskRun.Result> run(List<TaskSettings> plan, int threads, Stop stop, Listener listener) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "scribe-lab-sweep");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<TaskRun.Result>> futures = new ArrayList<>();
            for (TaskSettings s : plan) {
                futures.add(pool.submit(() -> {
                    TaskRun.Result r = TaskRun.run(s, stop, (step, loss, accuracy) -> {
                    });
                    synchronized (listener) {
                        listener.finished(r);
                    }
                    return r;
                }));
            }
            List<TaskRun.Result> results = new ArrayList<>();
            for (Future<TaskRun.Result> f : futures) {
                results.add(f.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop.request();
            throw new ScribeException("The sweep was interrupted.");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Mean and spread per cell and length over the finished, non-diverged runs given. */
    public static List<Point> summarise(List<TaskRun.Result> results) {
        Map<String, List<TaskRun.Result>> groups = new TreeMap<>();
        for (TaskRun.Result r : results) {
            if (r.ending() != TaskRun.Ending.STOPPED && !Double.isNaN(r.testAccuracy())) {
                String key = r.settings().cell().ordinal() + ":" + String.format("%06d", r.settings().length());
                groups.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
            }
        }
        List<Point> points = new ArrayList<>();
        for (List<TaskRun.Result> group : groups.values()) {
            double sum = 0;
            for (TaskRun.Result r : group) {
                sum += r.testAccuracy();
            }
            double mean = sum / group.size();
            double sq = 0;
            for (TaskRun.Result r : group) {
                sq += (r.testAccuracy() - mean) * (r.testAccuracy() - mean);
            }
            TaskSettings s = group.get(0).settings();
            points.add(new Point(s.cell(), s.length(), mean, Math.sqrt(sq / group.size()), group.size()));
        }
        return points;
    }

    /** Threads for a sweep: one per core, at most two (each run is single-threaded). */
    public static int defaultThreads() {
        return Math.min(2, Runtime.getRuntime().availableProcessors());
    }
}
