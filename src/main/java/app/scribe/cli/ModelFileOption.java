package app.scribe.cli;

import app.scribe.persistence.ModelFile;
import app.scribe.persistence.SavedModel;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code --model}: the trained model that {@code generate}, {@code eval} and {@code complete} read. */
final class ModelFileOption {
    @Option(names = "--model", required = true, description = "the model file (.scribe)")
    Path modelFile;

    /** The model, read and checked; a file that is not a readable model is refused with a sentence. */
    SavedModel load() {
        return new ModelFile().load(modelFile);
    }
}
