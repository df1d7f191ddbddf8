package app.scribe.cli;

import app.scribe.lab.GateCurve;
import app.scribe.lab.Numbers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

@Command(name = "timegate", description = "The time gate k(t) of a time-gated LSTM unit, t = 0..N-1.")
final class LabTimeGateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--tau", required = true, description = "the period tau, above 0")
    double tau;

    @Option(names = "--shift", required = true, description = "the phase shift s")
    double shift;

    @Option(names = "--r-on", required = true, description = "the open ratio r_on, in (0, 1]")
    double rOn;

    @Option(names = "--alpha", description = "the leak while closed, 0 to 1 (default 0)")
    double alpha;

    @Option(names = "--steps", required = true, description = "how many time steps to print")
    int steps;

    @Override
    public Integer call() {
        double[] k = new GateCurve(tau, shift, rOn, alpha, steps).values();
        PrintWriter out = spec.commandLine().getOut();
        for (int t = 0; t < k.length; t++) {
            out.println("t=" + t + " k=" + Numbers.result(k[t]));
        }
        out.flush();
        return 0;
    }
}
