package app.scribe.corpus;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * The fingerprint of the corpus a model was trained on. {@code books} lists the books of a corpus made of several
 * (absent for one book, and in files written before corpora could have several). {@code records} says how the text
 * was cut into records, absent for a text learnt as one stream (and in files written before records, format 5).
 */
public record CorpusInfo(String name, String sha256, long bytes, long characters,
                         @JsonInclude(JsonInclude.Include.NON_NULL) List<BookInfo> books,
                         @JsonInclude(JsonInclude.Include.NON_NULL) RecordsInfo records) {

    /**
     * A records model's mode: how records were split, the mark that starts and ends each (a code point of the
     * vocabulary), how many records the text had and the longest one's length in characters.
     */
    public record RecordsInfo(RecordFormat.Split split, String separator, int mark, long count, int longest) {
        public RecordFormat format() {
            return new RecordFormat(split, separator);
        }
    }

    public CorpusInfo(String name, String sha256, long bytes, long characters, List<BookInfo> books) {
        this(name, sha256, bytes, characters, books, null);
    }


    /** One book of a mixed corpus. */
    public record BookInfo(String name, String sha256, long characters) {
    }

    public CorpusInfo(String name, String sha256, long bytes, long characters) {
        this(name, sha256, bytes, characters, null);
    }

    public static CorpusInfo of(Corpus corpus) {
        List<BookInfo> books = corpus.books().size() < 2 ? null : corpus.books().stream()
                .map(b -> new BookInfo(b.name(), b.sha256(), b.characters())).toList();
        RecordsInfo records = null;
        if (corpus.isRecords()) {
            RecordText text = RecordText.of(corpus);
            records = new RecordsInfo(corpus.records().split(), corpus.records().separator(), RecordFormat.MARK,
                    text.count(), text.longest());
        }
        return new CorpusInfo(corpus.name(), corpus.sha256(), corpus.fileBytes(), corpus.length(), books, records);
    }
}
