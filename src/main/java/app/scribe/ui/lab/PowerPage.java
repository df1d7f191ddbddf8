package app.scribe.ui.lab;

import app.scribe.lab.Numbers;
import app.scribe.lab.PowerStudy;
import app.scribe.lab.RecurrentMatrices;
import app.scribe.lab.SquareMatrix;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;

import java.nio.file.Path;
import java.util.List;
import java.util.StringJoiner;

/** Page 4: eigenvalues and powers of a matrix, or of each layer's W_hh in a trained rnn model. */
public final class PowerPage extends LabPage {
    final TextArea matrix = form.field("Matrix (rows on lines or split by ;)",
            new TextArea(SquareMatrix.SEED_EXAMPLE.replace("; ", "\n")), "Matrix");
    final TextField power = form.text("Power k", "K", Integer.toString(PowerStudy.DEFAULT_POWER));
    final TextField model = form.text("Or an rnn model", "Model", "");
    final Label summary = new Label();

    PowerPage() {
        super("power", "Why do gradients vanish or explode? Backpropagating k steps multiplies by W_hh k times, so W^k "
                        + "decides (seed 000, question 1.1; seed 004, exercise 2).",
                "Seed 004: W = [[0.58, 0.24], [0.24, 0.72]] has eigenvalues 0.4 and 0.9, so W^30 is tiny: all |λ| < 1 "
                        + "vanishes, any |λ| > 1 explodes. (Its W^30 has negative off-diagonals; Scribe finds +0.0203.)",
                "k", "log10 ‖W^k‖");
        matrix.setPrefRowCount(3);
        matrix.setPrefColumnCount(24);
        model.setPromptText("optional: a trained rnn model file (.scribe)");
        summary.setId("powerSummary");
        summary.setWrapText(true);
        // The chart below grows; the eigenvalues and W^k must keep all their lines.
        summary.setMinHeight(Region.USE_PREF_SIZE);
        root.getChildren().add(root.getChildren().indexOf(status) + 1, summary);
    }

    @Override
    Experiment prepare() {
        Integer k = form.read(power, () -> LabForm.whole(power, 0, PowerStudy.MAX_POWER, "the power"));
        String file = model.getText().strip();
        if (!file.isEmpty()) {
            Path path = form.read(model, () -> LabForm.existingFile(file));
            form.clear(matrix);
            return (sink, stop) -> {
                List<RecurrentMatrices.Layer> layers = RecurrentMatrices.of(path);
                header(sink);
                StringJoiner text = new StringJoiner("\n");
                for (RecurrentMatrices.Layer layer : layers) {
                    PowerStudy study = PowerStudy.of(layer.matrix(), k);
                    plot(sink, "layer " + layer.index(), study);
                    text.add("Layer " + layer.index() + ": spectral radius " + Numbers.result(study.spectralRadius())
                            + ". " + study.lesson());
                    sink.progress((layer.index() + 1.0) / layers.size());
                }
                String t = text.toString();
                javafx.application.Platform.runLater(() -> summary.setText(t));
                return "Studied W_hh of " + layers.size() + " layer(s) of " + path.getFileName() + ".";
            };
        }
        form.clear(model);
        SquareMatrix w = form.read(matrix, () -> SquareMatrix.parse(matrix.getText()));
        return (sink, stop) -> {
            PowerStudy study = PowerStudy.of(w, k);
            header(sink);
            plot(sink, "‖W^k‖", study);
            sink.progress(1);
            String t = describe(study);
            javafx.application.Platform.runLater(() -> summary.setText(t));
            return study.lesson();
        };
    }

    private static void header(Sink sink) {
        sink.header(List.of("matrix", "k", "norm_of_W^k"));
    }

    private static void plot(Sink sink, String name, PowerStudy study) {
        double[] norms = study.norms();
        for (int j = 0; j < norms.length; j++) {
            sink.point(name, j, Math.log10(norms[j]));
            sink.row(List.of(name, Integer.toString(j), Numbers.result(norms[j])));
        }
    }

    static String describe(PowerStudy study) {
        StringJoiner eigen = new StringJoiner(", ");
        study.eigenvalues().forEach(e -> eigen.add(e.imaginary() == 0 ? Numbers.result(e.real())
                : Numbers.result(e.real()) + (e.imaginary() < 0 ? " − " : " + ")
                + Numbers.result(Math.abs(e.imaginary())) + "i"));
        StringBuilder sb = new StringBuilder("Eigenvalues: " + eigen + ". Spectral radius "
                + Numbers.result(study.spectralRadius()) + ".\nW^" + study.power() + " =");
        SquareMatrix p = study.powered();
        int shown = Math.min(p.size(), 8);
        for (int i = 0; i < shown; i++) {
            StringJoiner row = new StringJoiner("  ", "\n  [", p.size() > shown ? "  …]" : "]");
            for (int j = 0; j < shown; j++) {
                row.add(Numbers.result(p.get(i, j)));
            }
            sb.append(row);
        }
        return sb.toString();
    }
}
