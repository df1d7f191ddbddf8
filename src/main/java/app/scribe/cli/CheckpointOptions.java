package app.scribe.cli;

import app.scribe.persistence.CheckpointWriter;
import app.scribe.training.CheckpointPolicy;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;

/** {@code train}'s checkpoints: how often the latest model is written to {@code --out}, and the best beside it. */
final class CheckpointOptions {
    @Option(names = "--checkpoint-minutes", description = "write the latest model to --out every this many minutes "
            + "of training, 0 = only at the end (default 5, at most 1440)")
    double checkpointMinutes = CheckpointPolicy.defaults().everyMinutes();

    @Option(names = "--checkpoint-steps", description = "also write it every this many steps (default 0 = off)")
    long checkpointSteps;

    @Option(names = "--no-best", description = "do not keep the best model by validation loss in NAME.best.scribe")
    boolean noBest;

    /** The policy these options give (refused with the policy's own sentence when out of range). */
    CheckpointPolicy policy() {
        return new CheckpointPolicy(checkpointSteps, checkpointMinutes, !noBest);
    }

    /** The files a run to {@code out} writes: {@code out} itself and, unless {@code --no-best}, its best model. */
    List<Path> outputs(Path out) {
        return noBest ? List.of(out) : List.of(out, CheckpointWriter.bestPathFor(out));
    }
}
