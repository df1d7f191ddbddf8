package app.scribe.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * A {@code lab} page's command: it prints its figures as {@code key=value} lines on standard output and exits 0, or
 * refuses its input with one sentence before printing anything.
 */
abstract class LabReport implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        print(out);
        out.flush();
        return 0;
    }

    /** Checks the options and prints the figures to {@code out}. */
    abstract void print(PrintWriter out);
}
