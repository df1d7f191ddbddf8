package app.scribe.model;

import app.scribe.engine.dl4j.Dl4jCharModel;

import app.scribe.engine.fast.FastCharModel;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The shapes a model file is checked against, known from the settings alone, are those a built model has: every
 * cell and optimizer of the fast engine, the LSTM with rmsprop or adam of the dl4j engine.
 */
class ArrayShapesTest {
    @Test
    void theShapesFromTheSettingsAreTheModelsOwn() {
        for (CellType cell : CellType.values()) {
            for (Optimizer optimizer : Optimizer.values()) {
                assertShapesAreTheModelsOwn(FastCharModel.ENGINE, optimizer, cell);
            }
        }
        assertShapesAreTheModelsOwn(Dl4jCharModel.ENGINE, Optimizer.RMSPROP, CellType.LSTM);
        assertShapesAreTheModelsOwn(Dl4jCharModel.ENGINE, Optimizer.ADAM, CellType.LSTM);
    }

    private static void assertShapesAreTheModelsOwn(String engine, Optimizer optimizer, CellType cell) {
        for (int layers = 1; layers <= 3; layers++) {
            Hyperparameters d = Hyperparameters.defaults();
            Hyperparameters hp = new Hyperparameters(7, layers, 5, 2, optimizer, d.learningRate(), d.decayRate(),
                    d.decayEvery(), d.clipNorm(), 0, 1).withCell(cell);
            CharModel model = Engines.create(engine, 11, hp);
            Map<String, String> built = new LinkedHashMap<>();
            model.parameters().arrays().forEach((name, a) -> built.put(name, Arrays.toString(a.shape())));
            ArrayShapes shapes = Engines.arrayShapes(engine, 11, hp);
            Map<String, String> expected = new LinkedHashMap<>();
            shapes.weights().forEach((name, s) -> expected.put(name, Arrays.toString(s)));
            shapes.optimizerState().forEach((name, s) -> expected.put(name, Arrays.toString(s)));
            String where = engine + " " + cell + " " + optimizer + " " + layers + " layers";
            assertEquals(expected, built, where);
            long floats = model.parameters().arrays().values().stream().mapToLong(a -> a.data().length).sum();
            assertEquals(floats, shapes.elements(), where);
        }
    }
}
