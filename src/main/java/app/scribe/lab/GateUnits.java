package app.scribe.lab;

import app.scribe.ScribeException;
import app.scribe.model.CellType;
import app.scribe.model.CharModel;
import app.scribe.model.ParameterSet;
import app.scribe.persistence.ModelFile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The learnt time gates of a trained tglstm model: every unit's period tau and open ratio r_on, per layer. */
public final class GateUnits {
    public record Layer(int index, double[] tau, double[] rOn) {
    }

    /** Equal-width bins from the smallest to the largest value (one when all are equal); {@code counts[i]} values
     * fall in bin i. */
    public record Histogram(double min, double max, int[] counts) {
        public static Histogram of(double[] values, int bins) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double v : values) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            int[] counts = new int[max > min ? bins : 1];
            double width = (max - min) / bins;
            for (double v : values) {
                int i = width > 0 ? (int) ((v - min) / width) : 0;
                counts[Math.min(counts.length - 1, i)]++;
            }
            return new Histogram(min, max, counts);
        }

        public double lower(int bin) {
            return min + (max - min) * bin / counts.length;
        }

        public double upper(int bin) {
            return min + (max - min) * (bin + 1) / counts.length;
        }
    }

    private GateUnits() {
    }

    public static List<Layer> of(Path modelFile) {
        return of(new ModelFile().load(modelFile).model(), String.valueOf(modelFile.getFileName()));
    }

    public static List<Layer> of(CharModel model, String name) {
        if (model.hyperparameters().cell() != CellType.TGLSTM) {
            throw new ScribeException(name + " is a model of the " + model.hyperparameters().cell().id()
                    + " cell; only a tglstm model has time gates. Train one with --cell tglstm.");
        }
        ParameterSet parameters = model.parameters();
        List<Layer> out = new ArrayList<>();
        for (int l = 0; l < model.hyperparameters().layers(); l++) {
            out.add(new Layer(l, values(parameters, l + "_tau", name), values(parameters, l + "_ron", name)));
        }
        return out;
    }

    private static double[] values(ParameterSet parameters, String array, String name) {
        ParameterSet.Array a = parameters.get(array);
        if (a == null) {
            throw new ScribeException(name + " has no array " + array + ".");
        }
        double[] out = new double[a.data().length];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.data()[i];
        }
        return out;
    }
}
