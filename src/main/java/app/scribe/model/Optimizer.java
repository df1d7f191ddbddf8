package app.scribe.model;

public enum Optimizer {
    RMSPROP, ADAM
}
