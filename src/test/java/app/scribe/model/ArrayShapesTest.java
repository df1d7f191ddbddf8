package app.scribe.model;

import app.scribe.model.lstm.FastCharModel;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The shapes a model file is checked against, known from the settings alone, are those a built model has. */
class ArrayShapesTest {
    @Test
    void theShapesFromTheSettingsAreTheModelsOwn() {
        for (String engine : new String[]{FastCharModel.ENGINE, Dl4jCharModel.ENGINE}) {
            for (Optimizer optimizer : Optimizer.values()) {
                for (int layers = 1; layers <= 3; layers++) {
                    Hyperparameters d = Hyperparameters.defaults();
                    Hyperparameters hp = new Hyperparameters(7, layers, 5, 2, optimizer, d.learningRate(),
                            d.decayRate(), d.decayEvery(), d.clipNorm(), 0, 1);
                    CharModel model = Engines.create(engine, 11, hp);
                    Map<String, String> built = new LinkedHashMap<>();
                    model.parameters().arrays().forEach((name, a) -> built.put(name, Arrays.toString(a.shape())));
                    ArrayShapes shapes = Engines.arrayShapes(engine, 11, hp);
                    Map<String, String> expected = new LinkedHashMap<>();
                    shapes.weights().forEach((name, s) -> expected.put(name, Arrays.toString(s)));
                    shapes.optimizerState().forEach((name, s) -> expected.put(name, Arrays.toString(s)));
                    String where = engine + " " + optimizer + " " + layers + " layers";
                    assertEquals(expected, built, where);
                    long floats = model.parameters().arrays().values().stream().mapToLong(a -> a.data().length).sum();
                    assertEquals(floats, shapes.elements(), where);
                }
            }
        }
    }
}
