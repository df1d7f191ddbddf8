package app.scribe.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A cell's own settings by key ({@code {"leak": 0.0}} for a tglstm, empty for most cells), as its {@link CellType}
 * declares them; the model file records them as that map. {@link CellType#options} checks and completes them.
 */
public record CellOptions(Map<String, Double> values) {
    public static final CellOptions NONE = new CellOptions(Map.of());

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public CellOptions {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    @JsonValue
    @Override
    public Map<String, Double> values() {
        return values;
    }

    /** The value of {@code key}; the cell's {@link CellType#options} made sure there is one. */
    public double get(String key) {
        Double value = values.get(key);
        if (value == null) {
            throw new IllegalArgumentException("no cell setting " + key);
        }
        return value;
    }

    /** These settings with {@code key} set to {@code value}. */
    public CellOptions with(String key, double value) {
        Map<String, Double> changed = new LinkedHashMap<>(values);
        changed.put(key, value);
        return new CellOptions(changed);
    }
}
