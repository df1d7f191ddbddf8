package app.scribe.cli;

import app.scribe.ScribeException;
import app.scribe.analysis.TextScore;
import app.scribe.analysis.Tracer;
import app.scribe.corpus.CorpusReader;
import app.scribe.corpus.TextFiles;
import app.scribe.persistence.ModelFile;
import app.scribe.persistence.SavedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * Scores a text with a model: bits per character, the mean of -log2 p over the text's characters, read from the
 * start of a paragraph. The text is decoded and cleaned as a corpus is, put in the model's Unicode form, and may be
 * as short as one character.
 */
@Command(name = "eval", description = "Measure how well a model predicts a text, in bits per character.")
final class EvalCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, description = "the model file (.scribe)")
    Path modelFile;

    @Option(names = "--text", required = true, description = "the text file to score")
    Path textFile;

    @Override
    public Integer call() {
        String name = TextFiles.nameOf(textFile);
        String read = TextFiles.readText(textFile, CorpusReader.MAX_FILE_BYTES, "scores");
        if (read.isEmpty()) {
            throw new ScribeException(name + " has no characters to score.");
        }
        SavedModel saved = new ModelFile().load(modelFile);
        String text = saved.vocabulary().prepare(read);
        try {
            // The tracer would skip unknown characters; a score must cover the whole text, so they are refused.
            saved.vocabulary().encode(text);
        } catch (ScribeException e) {
            throw new ScribeException(name + ": " + e.getMessage(), e);
        }
        long started = System.nanoTime();
        TextScore score = new Tracer(saved.model(), saved.vocabulary()).score("", text);
        double seconds = (System.nanoTime() - started) / 1e9;
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "characters=%d%n", score.characters());
        out.printf(Locale.ROOT, "scored %d characters in %.0f ms (%.0f chars/s)%n", score.characters(),
                seconds * 1e3, score.characters() / seconds);
        out.printf(Locale.ROOT, "bpc=%.6f%n", score.bitsPerCharacter());
        out.flush();
        return 0;
    }
}
