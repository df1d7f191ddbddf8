package app.scribe.cli;

import app.scribe.generation.SamplingSettings;
import picocli.CommandLine.Option;

/** The sampling options {@code generate} and {@code complete} share: the nucleus (top-p) and the random seed. */
final class SamplingOptions {
    @Option(names = "--top-p", description = "sample only among the likeliest characters whose mass reaches P"
            + " (above 0, at most 1)")
    Double topP;

    @Option(names = "--seed", description = "random seed of the sampling (default ${DEFAULT-VALUE})")
    long seed = 1;

    /** {@code settings} with the nucleus, when one was given. */
    SamplingSettings nucleus(SamplingSettings settings) {
        return topP == null ? settings : settings.withTopP(topP);
    }
}
