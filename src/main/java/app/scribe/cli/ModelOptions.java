package app.scribe.cli;

import app.scribe.model.CellType;
import app.scribe.model.Engines;
import app.scribe.model.Hyperparameters;
import picocli.CommandLine.Option;

/** The options that shape a new model, shared by {@code train} and {@code bench}: the engine, the cell and its size. */
final class ModelOptions {
    private static final Hyperparameters DEFAULTS = Hyperparameters.defaults();

    @Option(names = "--engine", description = "network engine (default ${DEFAULT-VALUE})")
    String engine = Engines.DEFAULT;

    @Option(names = "--cell", completionCandidates = CellChoices.class,
            description = "recurrent cell: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE})")
    String cell = DEFAULTS.cell().id();

    @Option(names = "--hidden", description = "units per layer (default ${DEFAULT-VALUE})")
    int hidden = DEFAULTS.hiddenSize();

    @Option(names = "--layers", description = "recurrent layers, 1-" + Hyperparameters.MAX_LAYERS
            + " (default ${DEFAULT-VALUE})")
    int layers = DEFAULTS.layers();

    @Option(names = "--seq", description = "sequence length (default ${DEFAULT-VALUE})")
    int seq = DEFAULTS.seqLength();

    @Option(names = "--batch", description = "batch size (default ${DEFAULT-VALUE})")
    int batch = DEFAULTS.batchSize();

    CellType cellType() {
        return CellChoices.parse("--cell", cell);
    }
}
