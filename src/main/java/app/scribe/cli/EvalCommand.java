package app.scribe.cli;

import app.scribe.ScribeException;
import app.scribe.analysis.TextScore;
import app.scribe.analysis.Tracer;
import app.scribe.corpus.CorpusReader;
import app.scribe.corpus.TextDecoder;
import app.scribe.corpus.TextNormalizer;
import app.scribe.persistence.ModelFile;
import app.scribe.persistence.SavedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * Scores a text with a model: bits per character, the mean of -log2 p over the text's characters, read from the
 * start of a paragraph. The text is decoded and normalised as a corpus is, but may be as short as one character.
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
        String name = textFile.getFileName() == null ? textFile.toString() : textFile.getFileName().toString();
        String text = new TextNormalizer().normalize(new TextDecoder().decode(readBytes(name), name).text());
        if (text.isEmpty()) {
            throw new ScribeException(name + " has no characters to score.");
        }
        SavedModel saved = new ModelFile().load(modelFile);
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

    private byte[] readBytes(String name) {
        try {
            if (Files.isDirectory(textFile)) {
                throw new ScribeException(name + " is a folder, not a text file.");
            }
            if (!Files.exists(textFile)) {
                throw new ScribeException(name + " does not exist.");
            }
            if (!Files.isRegularFile(textFile)) {
                throw new ScribeException(name + " is not an ordinary file (a device, pipe or socket); save the text"
                        + " to a file first.");
            }
            if (Files.size(textFile) > CorpusReader.MAX_FILE_BYTES) {
                throw new ScribeException(String.format("%s is %,d MB; Scribe scores files up to %,d MB.", name,
                        Files.size(textFile) >> 20, CorpusReader.MAX_FILE_BYTES >> 20));
            }
            return Files.readAllBytes(textFile);
        } catch (NoSuchFileException e) {
            throw new ScribeException(name + " does not exist (or was removed while it was read).");
        } catch (AccessDeniedException e) {
            throw new ScribeException(name + " cannot be read: permission denied.");
        } catch (IOException e) {
            throw new ScribeException(name + " cannot be read: " + e.getMessage(), e);
        }
    }
}
