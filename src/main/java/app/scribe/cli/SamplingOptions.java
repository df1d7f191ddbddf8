package app.scribe.cli;

import app.scribe.ScribeException;
import app.scribe.analysis.VerbatimIndex;
import app.scribe.corpus.CorpusReader;
import app.scribe.corpus.Vocabulary;
import app.scribe.generation.BeamSearch;
import app.scribe.generation.CopyLimit;
import app.scribe.generation.SamplingSettings;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The sampling options {@code generate} and {@code complete} share: the strategy (greedy, a temperature or a beam),
 * the nucleus (top-p), the random seed, and the copy limit with the books it looks in.
 */
final class SamplingOptions {
    // With a heading the group's options are listed once, under it; without one picocli lists a mixin's group twice.
    @ArgGroup(exclusive = true, heading = "%nHow to choose each character (one of these):%n")
    Strategy strategy = new Strategy();

    static final class Strategy {
        @Option(names = "--greedy", description = "always take the most likely character")
        boolean greedy;

        @Option(names = "--temperature", description = "sample at this temperature (above 0, at most 10)")
        Double temperature;

        @Option(names = "--beam", description = "beam search of this width for the likeliest text (1-"
                + BeamSearch.MAX_WIDTH + ")")
        Integer beam;
    }

    @Option(names = "--top-p", description = "sample only among the likeliest characters whose mass reaches P"
            + " (above 0, at most 1)")
    Double topP;

    @Option(names = "--seed", description = "random seed of the sampling (default ${DEFAULT-VALUE})")
    long seed = 1;

    @Option(names = "--max-copy", description = "copy at most N characters verbatim from the books of --corpus"
            + " (1-" + CopyLimit.MAX + "): a character that would copy more is drawn again without it; stderr"
            + " ends with redrawn=<characters drawn again>")
    Integer maxCopy;

    @Option(names = "--corpus", description = "a book the model learnt from, for the options that tell new text from"
            + " copied (--max-copy; in generate also --rank and --records); repeat it for a model of several books")
    List<Path> books = new ArrayList<>();

    /** {@code settings} with the nucleus, when one was given. */
    SamplingSettings nucleus(SamplingSettings settings) {
        return topP == null ? settings : settings.withTopP(topP);
    }

    /** Refuses a copy limit out of range or without books; before any file is read. */
    void checkCopyLimit() {
        if (maxCopy == null) {
            return;
        }
        if (maxCopy < 1 || maxCopy > CopyLimit.MAX) {
            throw new ScribeException("--max-copy must be between 1 and " + CopyLimit.MAX + " characters (got "
                    + maxCopy + ").");
        }
        if (books.isEmpty()) {
            throw new ScribeException("--max-copy needs the book the model learnt from: name it with --corpus"
                    + " (once per book).");
        }
    }

    /** The books of --corpus as the model reads them; null when none were named. */
    VerbatimIndex books(Vocabulary vocabulary) {
        return books.isEmpty() ? null : VerbatimIndex.of(new CorpusReader().read(books), vocabulary);
    }

    /** The copy limit over {@code books}; null without --max-copy. */
    CopyLimit copyLimit(VerbatimIndex books) {
        return maxCopy == null ? null : new CopyLimit(maxCopy, books::followers);
    }
}
