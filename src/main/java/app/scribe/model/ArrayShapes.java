package app.scribe.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The arrays a model holds, by name and shape, as its engine and settings imply them before any array is read: the
 * weights, which a model file must hold, and the optimizer state, which it may.
 */
public record ArrayShapes(Map<String, int[]> weights, Map<String, int[]> optimizerState) {
    public ArrayShapes {
        weights = Collections.unmodifiableMap(new LinkedHashMap<>(weights));
        optimizerState = Collections.unmodifiableMap(new LinkedHashMap<>(optimizerState));
    }

    /** The shape of the array of that name, or null when this model has none. */
    public int[] shapeOf(String name) {
        int[] shape = weights.get(name);
        if (shape == null) {
            shape = optimizerState.get(name);
        }
        return shape == null ? null : shape.clone();
    }

    /** The number of floats of every array together. */
    public long elements() {
        long total = 0;
        for (Map<String, int[]> group : java.util.List.of(weights, optimizerState)) {
            for (int[] shape : group.values()) {
                total += elements(shape);
            }
        }
        return total;
    }

    public static long elements(int[] shape) {
        long n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }
}
