package app.scribe.model;

import java.util.Locale;

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
        return Choices.ids(values(), Optimizer::id);
    }

    /** The optimizer named {@code id} (any case), or a refusal that lists the names there are. */
    public static Optimizer parse(String id) {
        return Choices.parse(values(), Optimizer::id, "optimizer", id);
    }
}
