package app.scribe.cli;

import app.scribe.ScribeException;
import app.scribe.corpus.TextFiles;
import app.scribe.corpus.Vocabulary;
import app.scribe.generation.SamplingSettings;
import app.scribe.persistence.SavedModel;
import app.scribe.writing.Completer;
import app.scribe.writing.Completion;
import app.scribe.writing.CompletionSearch;
import app.scribe.writing.Until;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * Suggests how a text goes on, as the Write tab does: the n likeliest completions up to the end of the next word
 * (or phrase, or n characters), each with its probability, and the time the suggestion took once the model had read
 * the text.
 */
@Command(name = "complete", description = "Suggest how a text goes on: the likeliest next words, with their"
        + " probabilities.")
final class CompleteCommand implements Callable<Integer> {
    /** Larger files are refused before reading: the text may have at most a million characters. */
    static final long MAX_TEXT_BYTES = 8L << 20;

    @Spec
    CommandSpec spec;

    @Mixin
    ModelFileOption model = new ModelFileOption();

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = "--text", description = "the text to complete")
        String text;

        @Option(names = "--text-file", description = "a file holding the text to complete")
        Path file;
    }

    @Option(names = "--n", description = "completions to print, likeliest first (1-"
            + CompletionSearch.MAX_SUGGESTIONS + ", default 3)")
    int n = 3;

    @Option(names = "--until", description = "word (default), phrase (up to punctuation) or a number of characters")
    String until = "word";

    @Mixin
    SamplingOptions sampler = new SamplingOptions();

    @Override
    public Integer call() {
        Until extent = Until.parse(until);
        sampler.checkCopyLimit();
        CompletionSearch search = search();
        if (n < 1 || n > CompletionSearch.MAX_SUGGESTIONS) {
            throw new ScribeException("--n must be between 1 and " + CompletionSearch.MAX_SUGGESTIONS + " (got " + n
                    + ").");
        }
        String text = source.text != null ? source.text
                : TextFiles.readText(source.file, MAX_TEXT_BYTES, "completes");
        SavedModel saved = model.load();
        if (saved.history().step() == 0) {
            throw new ScribeException(TextFiles.nameOf(model.modelFile) + " has not been trained yet: its suggestions"
                    + " would be noise. Train it first.");
        }
        if (sampler.maxCopy != null) {
            search = search.copyingAtMost(sampler.copyLimit(sampler.books(saved.vocabulary())));
        }
        Completer completer = new Completer(saved.model(), saved.vocabulary());
        Completer.Suggestions suggestions = completer.complete(text, extent, n, search, () -> false);
        PrintWriter err = spec.commandLine().getErr();
        if (sampler.maxCopy != null) {
            err.printf(Locale.ROOT, "redrawn=%d%n", suggestions.redrawn());
        }
        if (suggestions.unknown() > 0) {
            Vocabulary vocabulary = saved.vocabulary();
            err.printf(Locale.ROOT, "warning: skipped %d characters the model does not know: %s%n",
                    suggestions.unknown(), Vocabulary.firstOf(vocabulary.unknownCharacters(vocabulary.prepare(text))));
            err.flush();
        }
        PrintWriter out = spec.commandLine().getOut();
        for (Completion completion : suggestions.completions()) {
            out.printf(Locale.ROOT, "%.6f\t%s%n", completion.probability(), escape(completion.text()));
        }
        out.printf(Locale.ROOT, "latency_ms=%.3f%n", suggestions.searchNanos() / 1e6);
        out.flush();
        return 0;
    }

    private CompletionSearch search() {
        Double temperature = sampler.strategy.temperature;
        boolean varied = temperature != null || sampler.topP != null;
        if (sampler.strategy.beam != null && varied) {
            throw new ScribeException("--beam searches for the likeliest completions; it cannot be combined with"
                    + " --temperature or --top-p.");
        }
        if (sampler.strategy.greedy && varied) {
            throw new ScribeException("--greedy takes the likeliest completions; it cannot be combined with --top-p.");
        }
        if (sampler.strategy.beam != null) {
            return CompletionSearch.beam(sampler.strategy.beam);
        }
        if (varied) {
            SamplingSettings settings = SamplingSettings.plain();
            settings = temperature == null ? settings : settings.withTemperature(temperature);
            return CompletionSearch.varied(sampler.nucleus(settings), sampler.seed);
        }
        return CompletionSearch.greedy();
    }

    /** One completion per line: line breaks and tabs in it are shown as \n and \t. */
    private static String escape(String completion) {
        return completion.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t");
    }
}
