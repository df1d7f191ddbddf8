package app.scribe.model;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Named float arrays with their shapes, in a fixed order: an engine's weights and optimizer state, ND4J-free. */
public final class ParameterSet {
    public record Array(int[] shape, float[] data) {
        public Array {
            long n = 1;
            for (int d : shape) {
                n *= d;
            }
            if (n != data.length) {
                throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " does not hold " + data.length);
            }
        }
    }

    private final Map<String, Array> arrays = new LinkedHashMap<>();

    public ParameterSet put(String name, int[] shape, float[] data) {
        arrays.put(name, new Array(shape.clone(), data));
        return this;
    }

    public Array get(String name) {
        return arrays.get(name);
    }

    public Map<String, Array> arrays() {
        return Collections.unmodifiableMap(arrays);
    }
}
