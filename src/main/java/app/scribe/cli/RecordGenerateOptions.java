package app.scribe.cli;

import app.scribe.Printable;
import app.scribe.ScribeException;
import app.scribe.corpus.Corpus;
import app.scribe.corpus.CorpusInfo;
import app.scribe.corpus.CorpusReader;
import app.scribe.corpus.RecordText;
import app.scribe.generation.RecordSampler;
import app.scribe.generation.SamplingSettings;
import app.scribe.persistence.SavedModel;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code generate --records N [--new-only] --corpus BOOK}: whole records from a model trained on records, on standard
 * output as the training text separated them, then {@code new=<k> copied=<m>} on standard error. The training text
 * tells copied records (found verbatim among its records) from new ones: the model file keeps only its fingerprint.
 */
final class RecordGenerateOptions {
    @Option(names = "--records", description = "write N whole records (a model trained with train --records), then "
            + "new=<k> copied=<m> on stderr; needs --corpus")
    Integer count;

    @Option(names = "--new-only", description = "with --records: draw until N records are new (none copied from the "
            + "text, none twice), at most " + RecordSampler.MAX_DRAWS_PER_RECORD + " draws per record")
    boolean newOnly;

    boolean asked() {
        if (newOnly && count == null) {
            throw new ScribeException("--new-only keeps drawing records until they are new; it needs --records N.");
        }
        return count != null;
    }

    /**
     * Refuses what --records cannot go with, before the model is read; {@code corpusFiles} are the books of
     * {@code --corpus} (one option for --records, --max-copy and --rank).
     */
    void check(boolean beam, String prompt, List<Path> corpusFiles) {
        if (count < 1 || count > RecordSampler.MAX_RECORDS) {
            throw new ScribeException("--records must be between 1 and " + RecordSampler.MAX_RECORDS + " (got "
                    + count + ").");
        }
        if (beam) {
            throw new ScribeException("--records draws records at random; it cannot be combined with --beam.");
        }
        if (!prompt.isEmpty()) {
            throw new ScribeException("--records writes whole records from their start; it takes no --prompt.");
        }
        if (corpusFiles.isEmpty()) {
            throw new ScribeException("--records needs --corpus BOOK, the text the model learnt its records from, to "
                    + "tell new records from copied ones.");
        }
    }

    /** Writes the records; the exit code. */
    int write(SavedModel saved, String modelName, List<Path> corpusFiles, SamplingSettings settings, long seed,
              PrintWriter out, PrintWriter err) {
        CorpusInfo.RecordsInfo records = saved.corpus().records();
        if (records == null) {
            throw new ScribeException(modelName + " was not trained on records, so it has no record to write: train "
                    + "one with train --records, or leave out --records.");
        }
        Corpus corpus = new CorpusReader().read(corpusFiles, saved.vocabulary().mapper().cleaning(), records.format());
        if (!corpus.sha256().equals(saved.corpus().sha256())) {
            ScribeCommand.warn(err, Printable.escape(corpus.name()) + " is not the text " + modelName + " was trained "
                    + "on (" + Printable.escape(saved.corpus().name()) + "); records are called copied when they are"
                    + " in it.");
        }
        Set<String> known = RecordText.of(corpus).texts();
        RecordSampler sampler = new RecordSampler(saved.model(), saved.vocabulary(), records.longest());
        String delimiter = records.format().delimiter();
        int[] written = {0};
        RecordSampler.Written result = sampler.write(count, newOnly, known, settings, seed, item -> {
            out.print((written[0]++ == 0 ? "" : delimiter) + item.text());
            out.flush();
        }, () -> false);
        if (written[0] > 0) {
            out.println();
        }
        out.flush();
        int malformed = result.empty() + result.runaways();
        if (malformed > 0 || result.copiedLeftOut() > 0) {
            err.printf("drew %d records: %d empty and %d longer than the longest training record (%d characters) "
                    + "drawn again%s%n", result.drawn(), result.empty(), result.runaways(), records.longest(),
                    newOnly ? ", " + result.copiedLeftOut() + " copied or repeated left out" : "");
        }
        if (result.exhausted()) {
            ScribeCommand.warn(err, "only " + result.items().size() + " of " + count + " records in "
                    + result.drawn() + " draws, the most --records allows (" + RecordSampler.MAX_DRAWS_PER_RECORD
                    + " per record).");
        }
        err.printf("new=%d copied=%d%n", result.fresh(), result.copied());
        err.flush();
        return 0;
    }
}
