package app.scribe.corpus;

import java.nio.file.Path;

/** Reads one corpus and prints its length: the child process of {@link CompactReadingTest}, run in a small heap. */
public final class ReadCorpus {
    private ReadCorpus() {
    }

    public static void main(String[] args) {
        System.out.println(new CorpusReader().read(Path.of(args[0])).length());
    }
}
