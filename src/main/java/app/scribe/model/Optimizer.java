package app.scribe.model;

import app.scribe.ScribeException;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The update rules a model can train with; the name is what the CLI, the form and the model file use. */
public enum Optimizer {
    RMSPROP("RMSprop"), ADAM("Adam"), SGD("SGD"), MOMENTUM("SGD + momentum");

    private final String label;

    Optimizer(String label) {
        this.label = label;
    }

    /** The name as people write it, for the form. */
    public String label() {
        return label;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static String ids() {
        return Arrays.stream(values()).map(Optimizer::id).collect(Collectors.joining(", "));
    }

    /** The optimizer named {@code id} (any case), or a refusal that lists the names there are. */
    public static Optimizer parse(String id) {
        for (Optimizer o : values()) {
            if (o.id().equalsIgnoreCase(id.trim())) {
                return o;
            }
        }
        throw new ScribeException("optimizer must be one of " + ids() + " (got " + id + ").");
    }
}
