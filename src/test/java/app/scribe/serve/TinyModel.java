package app.scribe.serve;

import app.scribe.TestCorpora;
import app.scribe.cli.ScribeCommand;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** A small model trained through the command line in a few seconds, as the CLI tests train theirs. */
final class TinyModel {
    private TinyModel() {
    }

    static Path train(Path dir) throws IOException {
        String book = Files.readString(TestCorpora.book("vanity_fair.txt")).substring(20_000, 50_000);
        Path corpus = Files.writeString(dir.resolve("vf.txt"), book);
        Path model = dir.resolve("vf.scribe");
        StringWriter err = new StringWriter();
        int code = ScribeCommand.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), "train",
                "--corpus", corpus.toString(), "--out", model.toString(), "--hidden", "32", "--layers", "1",
                "--seq", "32", "--batch", "16", "--lr", "1e-2", "--steps", "60");
        if (code != 0) {
            throw new IllegalStateException("training the test model failed: " + err);
        }
        return model;
    }
}
