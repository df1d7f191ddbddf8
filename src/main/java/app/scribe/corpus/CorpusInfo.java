package app.scribe.corpus;


/** The fingerprint of the corpus a model was trained on. */
public record CorpusInfo(String name, String sha256, long bytes, long characters) {
    public static CorpusInfo of(Corpus corpus) {
        return new CorpusInfo(corpus.name(), corpus.sha256(), corpus.fileBytes(), corpus.length());
    }
}
