package app.scribe.training;

import app.scribe.corpus.CorpusInfo;
import app.scribe.corpus.Vocabulary;

/**
 * The file a run's checkpoints go to, held (locked) for the whole run: persistence makes it, a {@link TrainingStart}
 * opens its sink once the model's vocabulary and corpus are known.
 */
public interface CheckpointOutput extends AutoCloseable {
    /** The sink for the checkpoints of a model of this vocabulary, trained on this corpus. */
    CheckpointSink open(Vocabulary vocabulary, CorpusInfo corpus);

    /** Waits until the checkpoints handed over so far are written (or have failed); the file stays held. */
    void finish();

    /** Finishes and lets the file go. */
    @Override
    void close();
}
