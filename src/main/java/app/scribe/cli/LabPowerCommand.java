package app.scribe.cli;

import app.scribe.ScribeException;
import app.scribe.lab.Numbers;
import app.scribe.lab.RecurrentMatrices;
import app.scribe.lab.PowerStudy;
import app.scribe.lab.SquareMatrix;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.StringJoiner;

@Command(name = "power", description = "Eigenvalues and powers of a square matrix (or of a trained rnn's W_hh).")
final class LabPowerCommand extends LabReport {
    @Option(names = "--matrix", description = "rows separated by ';', e.g. \"0.58 0.24; 0.24 0.72\" (the default)")
    String matrix;

    @Option(names = "--power", description = "the power k, 0 or more (default 30)")
    int power = PowerStudy.DEFAULT_POWER;

    @Option(names = "--model", description = "a trained rnn model: the figures of each layer's W_hh")
    Path model;

    @Override
    void print(PrintWriter out) {
        if (model != null) {
            if (matrix != null) {
                throw new ScribeException("Give --matrix or --model, not both.");
            }
            for (RecurrentMatrices.Layer layer : RecurrentMatrices.of(model)) {
                out.println("layer=" + layer.index());
                print(out, PowerStudy.of(layer.matrix(), power), false);
            }
        } else {
            SquareMatrix w = SquareMatrix.parse(matrix == null ? SquareMatrix.SEED_EXAMPLE : matrix);
            print(out, PowerStudy.of(w, power), true);
        }
    }

    private static void print(PrintWriter out, PowerStudy study, boolean rows) {
        StringJoiner eigen = new StringJoiner(" ");
        study.eigenvalues().forEach(e -> eigen.add(eigenvalue(e)));
        out.println("eigenvalues=" + eigen);
        if (rows) {
            SquareMatrix p = study.powered();
            for (int i = 0; i < p.size(); i++) {
                StringJoiner row = new StringJoiner(" ");
                for (int j = 0; j < p.size(); j++) {
                    row.add(Numbers.result(p.get(i, j)));
                }
                out.println("row=" + row);
            }
        }
        out.println("spectral_radius=" + Numbers.result(study.spectralRadius()));
        out.println("norm_of_power=" + Numbers.result(study.norms()[study.power()]));
        out.println("lesson=" + study.lesson());
    }

    static String eigenvalue(SquareMatrix.Eigenvalue e) {
        if (e.imaginary() == 0) {
            return Numbers.result(e.real());
        }
        return Numbers.result(e.real()) + (e.imaginary() < 0 ? "-" : "+") + Numbers.result(Math.abs(e.imaginary()))
                + "i";
    }
}
