package app.scribe.cli;

import app.scribe.model.Progress;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Shows on stderr how far a long command has come, with percent and ETA: on a terminal a bar redrawn in place, else
 * a line every few seconds. Nothing is shown for work that ends within about a second.
 */
final class ProgressReporter implements Progress {
    /** Milliseconds between lines when stderr is not a terminal (default 5000); for tests and for logs. */
    static final String INTERVAL_PROPERTY = "scribe.progress.millis";
    private static final long QUIET_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long DEFAULT_LINE_MILLIS = 5000;
    private static final long REDRAW_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    private static final int BAR_WIDTH = 30;

    private final PrintWriter err;
    private final String what;
    private final boolean terminal;
    private final long everyNanos;
    private final long started = System.nanoTime();
    private long nextAt;
    private boolean shown;
    private int drawnWidth;

    ProgressReporter(PrintWriter err, String what, boolean terminal, long everyNanos) {
        this.err = err;
        this.what = what;
        this.terminal = terminal;
        this.everyNanos = everyNanos;
        this.nextAt = started + Math.min(QUIET_NANOS, everyNanos);
    }

    /** A bar when the command runs in a terminal, else lines at the interval {@link #INTERVAL_PROPERTY} gives. */
    static ProgressReporter on(PrintWriter err, String what) {
        boolean terminal = onTerminal();
        long lineMillis = Math.max(1, Long.getLong(INTERVAL_PROPERTY, DEFAULT_LINE_MILLIS));
        long every = terminal ? REDRAW_NANOS : TimeUnit.MILLISECONDS.toNanos(lineMillis);
        return new ProgressReporter(err, what, terminal, every);
    }

    /** Whether the command runs in a terminal (then the bar is drawn). */
    static boolean onTerminal() {
        return System.console() != null;
    }

    @Override
    public void reached(long done, long total) {
        long now = System.nanoTime();
        if (now < nextAt || total <= 0) {
            return;
        }
        nextAt = now + everyNanos;
        shown = true;
        double fraction = Math.min(1, (double) done / total);
        long elapsed = now - started;
        String eta = done == 0 ? "?" : clock((long) (elapsed / fraction) - elapsed);
        if (terminal) {
            int filled = (int) Math.round(fraction * BAR_WIDTH);
            draw(String.format(Locale.ROOT, "%s [%s%s] %3.0f%%  ETA %s", what, "#".repeat(filled),
                    "-".repeat(BAR_WIDTH - filled), fraction * 100, eta));
        } else {
            err.printf(Locale.ROOT, "%s: %.0f%%, %s elapsed, ETA %s%n", what, Math.floor(fraction * 100),
                    clock(elapsed), eta);
            err.flush();
        }
    }

    /** Ends the report: the bar's line is closed, and a report that showed anything says how long the work took. */
    void finish() {
        if (!shown) {
            return;
        }
        String done = String.format(Locale.ROOT, "%s: done in %s", what, clock(System.nanoTime() - started));
        if (terminal) {
            draw(done);
            err.println();
        } else {
            err.println(done);
        }
        err.flush();
        shown = false;
    }

    private void draw(String line) {
        err.print("\r" + line + " ".repeat(Math.max(0, drawnWidth - line.length())));
        err.flush();
        drawnWidth = line.length();
    }

    /** m:ss, or h:mm:ss from an hour on. */
    private static String clock(long nanos) {
        long s = Math.max(0, TimeUnit.NANOSECONDS.toSeconds(nanos));
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
