package app.scribe.cli;

import app.scribe.ScribeException;
import app.scribe.analysis.DynamicEvaluation;
import app.scribe.analysis.TextScore;
import app.scribe.analysis.Tracer;
import app.scribe.corpus.CorpusReader;
import app.scribe.corpus.TextFiles;
import app.scribe.corpus.Vocabulary;
import app.scribe.persistence.SavedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * Scores a text with a model: bits per character, the mean of -log2 p over the text's characters, read from the
 * start of a paragraph, and the same in nats (the mean of -ln p, the unit of nanoGPT's and PyTorch's losses). The
 * text is decoded and cleaned as a corpus is, put in the model's Unicode form, and may be
 * as short as one character. Characters the model does not know are skipped and named on stderr, or refused with
 * {@code --strict}. With {@code --dynamic} the model keeps learning from the text as it scores it
 * ({@link DynamicEvaluation}); the model file is only read.
 */
@Command(name = "eval", description = "Measure how well a model predicts a text, in bits per character.")
final class EvalCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ModelFileOption model = new ModelFileOption();

    @Option(names = "--text", required = true, description = "the text file to score")
    Path textFile;

    @Option(names = "--strict", description = "refuse a text with characters the model does not know (default:"
            + " skip them)")
    boolean strict;

    @Option(names = "--dynamic", description = "dynamic evaluation: the model keeps learning from the text as it"
            + " scores it, one step of its own optimiser every " + DynamicEvaluation.SEGMENT + " characters (the"
            + " model file does not change)")
    boolean dynamic;

    @Option(names = "--dynamic-rate", paramLabel = "R", description = "the learning rate of those steps, above 0"
            + " and at most 1 (default ${DEFAULT-VALUE}); implies --dynamic")
    double dynamicRate = DynamicEvaluation.DEFAULT_RATE;

    @Override
    public Integer call() {
        boolean rateGiven = spec.commandLine().getParseResult().hasMatchedOption("--dynamic-rate");
        DynamicEvaluation learning = dynamic || rateGiven ? DynamicEvaluation.at(dynamicRate) : null;
        String name = TextFiles.nameOf(textFile);
        String read = TextFiles.readText(textFile, CorpusReader.MAX_FILE_BYTES, "scores");
        if (read.isEmpty()) {
            throw new ScribeException(name + " has no characters to score.");
        }
        SavedModel saved = model.load();
        Vocabulary vocabulary = saved.vocabulary();
        String text = vocabulary.prepare(read);
        if (strict) {
            String unknown = unknownCharacters(vocabulary, text);
            if (!unknown.isEmpty()) {
                throw new ScribeException(name + ": the model does not know these characters: " + unknown
                        + ". Remove them, or leave out --strict to skip them.");
            }
        }
        PrintWriter err = spec.commandLine().getErr();
        ProgressReporter progress = ProgressReporter.on(err, "scoring");
        long started = System.nanoTime();
        TextScore score = new Tracer(saved.model(), vocabulary, learning).score("", text, progress);
        double seconds = (System.nanoTime() - started) / 1e9;
        progress.finish();
        if (score.known() == 0) {
            throw new ScribeException(name + " has nothing the model can score: it knows none of its characters ("
                    + unknownCharacters(vocabulary, text) + ").");
        }
        if (!Double.isFinite(score.bitsPerCharacter())) {
            throw new ScribeException(learning != null ? "Dynamic evaluation diverged at rate " + plain(learning.rate())
                    + ": the scores stopped being numbers; use a lower --dynamic-rate (such as "
                    + plain(DynamicEvaluation.DEFAULT_RATE) + ")."
                    : name + " cannot be scored: the model gives some of its characters no probability at all.");
        }
        if (score.unknown() > 0) {
            err.printf(Locale.ROOT, "warning: skipped %d characters the model does not know: %s%n", score.unknown(),
                    unknownCharacters(vocabulary, text));
            err.flush();
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "characters=%d%n", score.characters());
        if (score.unknown() > 0) {
            out.printf(Locale.ROOT, "skipped=%d%n", score.unknown());
        }
        out.printf(Locale.ROOT, "scored %d characters in %.0f ms (%.0f chars/s)%n", score.known(),
                seconds * 1e3, score.known() / seconds);
        if (learning != null) {
            out.printf(Locale.ROOT, "dynamic: rate %s, one step every %d characters%n", learning.rate(),
                    learning.segment());
        }
        out.printf(Locale.ROOT, "nats=%.6f%n", score.bitsPerCharacter() * Math.log(2));
        out.printf(Locale.ROOT, "bpc=%.6f%n", score.bitsPerCharacter());
        out.flush();
        return 0;
    }

    /** 1 and 0.0003, not 1.0 and 3.0E-4. */
    private static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** The characters of {@code text} the vocabulary lacks, the first twenty named; empty when there are none. */
    private static String unknownCharacters(Vocabulary vocabulary, String text) {
        return Vocabulary.firstOf(vocabulary.unknownCharacters(text));
    }
}
