package app.scribe.lab;

import app.scribe.ScribeException;
import app.scribe.model.CharModel;
import app.scribe.model.ParameterSet;
import app.scribe.persistence.ModelFile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The recurrent matrices W_hh (stored as {@code l_RW}) of a trained rnn model, one per layer. */
public final class RecurrentMatrices {
    public record Layer(int index, SquareMatrix matrix) {
    }

    private RecurrentMatrices() {
    }

    public static List<Layer> of(Path modelFile) {
        return of(new ModelFile().load(modelFile).model(), String.valueOf(modelFile.getFileName()));
    }

    public static List<Layer> of(CharModel model, String name) {
        ParameterSet parameters = model.parameters();
        int layers = model.hyperparameters().layers();
        List<Layer> out = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            ParameterSet.Array rw = parameters.get(l + "_RW");
            if (rw == null || rw.shape().length != 2 || rw.shape()[0] != rw.shape()[1]) {
                throw new ScribeException(name + " is not an rnn model: its recurrent weights are not one square "
                        + "matrix per layer, so they have no powers to study. Train one with --cell rnn.");
            }
            int n = rw.shape()[0];
            double[][] w = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    w[i][j] = rw.data()[i * n + j];
                }
            }
            out.add(new Layer(l, new SquareMatrix(w)));
        }
        return out;
    }
}
