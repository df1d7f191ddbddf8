package app.scribe.corpus;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * The fingerprint of the corpus a model was trained on. {@code books} lists the books of a corpus made of several
 * (absent for one book, and in files written before corpora could have several).
 */
public record CorpusInfo(String name, String sha256, long bytes, long characters,
                         @JsonInclude(JsonInclude.Include.NON_NULL) List<BookInfo> books) {

    /** One book of a mixed corpus. */
    public record BookInfo(String name, String sha256, long characters) {
    }

    public CorpusInfo(String name, String sha256, long bytes, long characters) {
        this(name, sha256, bytes, characters, null);
    }

    public static CorpusInfo of(Corpus corpus) {
        List<BookInfo> books = corpus.books().size() < 2 ? null : corpus.books().stream()
                .map(b -> new BookInfo(b.name(), b.sha256(), b.characters())).toList();
        return new CorpusInfo(corpus.name(), corpus.sha256(), corpus.fileBytes(), corpus.length(), books);
    }
}
