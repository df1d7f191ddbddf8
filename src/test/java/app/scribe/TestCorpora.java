package app.scribe;

import app.scribe.corpus.Corpus;
import app.scribe.corpus.CorpusReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** The books the tests read, from {@code ../shared/corpora} beside the checkout, whole or cut to a size. */
public final class TestCorpora {
    public static final Path FOLDER = Path.of("../shared/corpora");
    public static final String SHAKESPEARE = "tiny_shakespeare.txt";

    private TestCorpora() {
    }

    public static Path book(String name) {
        return FOLDER.resolve(name);
    }

    /** The first {@code bytes} bytes of the book {@code name}. */
    public static byte[] start(String name, int bytes) {
        try {
            return Arrays.copyOf(Files.readAllBytes(book(name)), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first {@code bytes} bytes of Tiny Shakespeare. */
    public static byte[] shakespeare(int bytes) {
        return start(SHAKESPEARE, bytes);
    }

    /** The first {@code bytes} bytes of Tiny Shakespeare, written to {@code dir/file}. */
    public static Path shakespeare(Path dir, String file, int bytes) {
        try {
            return Files.write(dir.resolve(file), shakespeare(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first {@code bytes} bytes of Tiny Shakespeare, read as the corpus {@code name}. */
    public static Corpus shakespeareCorpus(String name, int bytes) {
        return new CorpusReader().fromBytes(name, shakespeare(bytes));
    }
}
