package app.scribe.cli;

import app.scribe.ScribeException;
import app.scribe.model.Optimizer;
import picocli.CommandLine.Option;

import java.util.Arrays;
import java.util.Iterator;

/** The update rule and its learning rate, shared by {@code train} and {@code lab palindrome} (each with its rate). */
final class OptimizerOptions {
    @Option(names = "--optimizer", completionCandidates = Names.class,
            description = "${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE})")
    String optimizer = Optimizer.RMSPROP.id();

    @Option(names = "--lr", description = "learning rate (default ${DEFAULT-VALUE})")
    double lr;

    OptimizerOptions(double lr) {
        this.lr = lr;
    }

    /** The optimizer named, or a refusal that names the flag. */
    Optimizer rule() {
        try {
            return Optimizer.parse(optimizer);
        } catch (ScribeException e) {
            // "Optimizer must be one of ..." becomes "--optimizer must be one of ...".
            throw new ScribeException("--optimizer" + e.getMessage().substring("optimizer".length()));
        }
    }

    /** The optimizers' names, as picocli's completion candidates. */
    static final class Names implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(Optimizer.values()).map(Optimizer::id).iterator();
        }
    }
}
