package app.scribe.persistence;

import app.scribe.model.Hyperparameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * A saved model as the models list shows it, read from its manifest: the book, the cell and size, the step and
 * the last validation loss; or, for a file that cannot be read as a model, why ({@link #problem()}).
 */
public record ModelSummary(Path file, Instant modified, String book, Hyperparameters hyperparameters, long parameters,
                           long step, Double validationLoss, String problem) {

    static ModelSummary of(Path file, String book, Hyperparameters hp, long parameters, long step,
                           Double validationLoss) {
        return new ModelSummary(file, modifiedTime(file), book, hp, parameters, step, validationLoss, null);
    }

    static ModelSummary damaged(Path file, String problem) {
        return new ModelSummary(file, modifiedTime(file), null, null, 0, 0, null, problem);
    }

    public boolean damaged() {
        return problem != null;
    }

    static Instant modifiedTime(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }
}
