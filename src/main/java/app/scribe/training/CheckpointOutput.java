package app.scribe.training;

import app.scribe.corpus.CorpusInfo;
import app.scribe.corpus.Vocabulary;
import app.scribe.model.CharModel;

/**
 * The file a run's checkpoints go to, held (locked) for the whole run: persistence makes it, a {@link TrainingStart}
 * opens its sink once the model's vocabulary and corpus are known.
 */
public interface CheckpointOutput extends AutoCloseable {
    /** The sink for the checkpoints of a model of this vocabulary, trained on this corpus. */
    CheckpointSink open(Vocabulary vocabulary, CorpusInfo corpus);

    /**
     * Saves the end of the run as the latest checkpoint unless the file already holds its step; replaces only what
     * this run saw or wrote there, and throws when it cannot (the run's result would be lost).
     */
    void saveLatest(CharModel model, TrainingHistory history);

    /** Waits until the checkpoints handed over so far are written (or have failed); the file stays held. */
    void finish();

    /** Finishes and lets the file go. */
    @Override
    void close();
}
