package app.scribe.ui.generate;

import app.scribe.analysis.NoveltyIndex;
import app.scribe.corpus.Corpus;

/**
 * The novelty index of the corpus in use, built on first need (a second or two for a 4 MB book) and kept until
 * another corpus asks. Called from worker threads only.
 */
public final class NoveltyIndexes {
    private Corpus indexed;
    private NoveltyIndex index;

    public synchronized NoveltyIndex indexFor(Corpus corpus) {
        if (corpus != indexed) {
            index = new NoveltyIndex(corpus.indices());
            indexed = corpus;
        }
        return index;
    }
}
