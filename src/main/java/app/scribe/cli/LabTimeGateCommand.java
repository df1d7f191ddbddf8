package app.scribe.cli;

import app.scribe.ScribeException;
import app.scribe.lab.GateCurve;
import app.scribe.lab.GateUnits;
import app.scribe.lab.Numbers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;

@Command(name = "timegate", description = "The time gate k(t) of a time-gated LSTM unit, t = 0..N-1, or a tglstm model's learnt gates.")
final class LabTimeGateCommand extends LabReport {
    @Option(names = "--tau", description = "the period tau, above 0")
    Double tau;

    @Option(names = "--shift", description = "the phase shift s (default 0)")
    double shift;

    @Option(names = "--r-on", description = "the open ratio r_on, in (0, 1]")
    Double rOn;

    @Option(names = "--alpha", description = "the leak while closed, 0 to 1 (default 0)")
    double alpha;

    @Option(names = "--steps", description = "how many time steps to print")
    Integer steps;

    @Option(names = "--model", description = "instead: a trained tglstm model's learnt tau and r_on, as histograms")
    Path model;

    @Option(names = "--bins", description = "histogram bins for --model (default 10)")
    int bins = 10;

    @Override
    void print(PrintWriter out) {
        if (model != null) {
            if (bins < 1 || bins > 1000) {
                throw new ScribeException("--bins must be between 1 and 1000 (got " + bins + ").");
            }
            for (GateUnits.Layer layer : GateUnits.of(model)) {
                print(out, "layer=" + layer.index() + " tau", GateUnits.Histogram.of(layer.tau(), bins));
                print(out, "layer=" + layer.index() + " r_on", GateUnits.Histogram.of(layer.rOn(), bins));
            }
            return;
        }
        if (tau == null || rOn == null || steps == null) {
            throw new ScribeException("Give --tau, --r-on and --steps (and --shift, --alpha), or --model.");
        }
        double[] k = new GateCurve(tau, shift, rOn, alpha, steps).values();
        for (int t = 0; t < k.length; t++) {
            out.println("t=" + t + " k=" + Numbers.result(k[t]));
        }
    }

    private static void print(PrintWriter out, String what, GateUnits.Histogram h) {
        for (int i = 0; i < h.counts().length; i++) {
            out.println(what + "=" + Numbers.result(h.lower(i)) + ".." + Numbers.result(h.upper(i)) + " units="
                    + h.counts()[i]);
        }
    }
}
