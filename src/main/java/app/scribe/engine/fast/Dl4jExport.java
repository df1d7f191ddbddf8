package app.scribe.engine.fast;

import app.scribe.engine.dl4j.Dl4jCharModel;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Turns a fast-engine model into a plain DL4J {@link MultiLayerNetwork} (LSTM layers and an RnnOutputLayer, as
 * {@link Dl4jCharModel} builds them). The weights share DL4J's names, shapes and gate order, so this is a copy.
 */
public final class Dl4jExport {
    private Dl4jExport() {
    }

    public static MultiLayerNetwork toNetwork(FastCharModel model) {
        Dl4jCharModel dl4j = new Dl4jCharModel(model.vocabSize(), model.hyperparameters());
        dl4j.load(model.parameters());
        return dl4j.network();
    }

    /** Writes the network as a DL4J model zip that {@code ModelSerializer.restoreMultiLayerNetwork} reads. */
    public static void writeZip(FastCharModel model, Path file) throws IOException {
        ModelSerializer.writeModel(toNetwork(model), file.toFile(), false);
    }
}
