package app.scribe.persistence;

import app.scribe.corpus.CorpusInfo;
import app.scribe.corpus.Vocabulary;
import app.scribe.model.CharModel;
import app.scribe.training.CheckpointOutput;
import app.scribe.training.CheckpointSink;
import app.scribe.training.TrainingHistory;

import java.nio.file.Path;
import java.util.function.Consumer;

/** A run's model file: its {@link OutputLock}, taken first, and the {@link CheckpointWriter} that writes to it. */
public final class CheckpointFile implements CheckpointOutput {
    private final Path latest;
    private final OutputLock lock;
    private final Consumer<CheckpointWriter.Written> onWritten;
    private final Consumer<String> onFailed;
    private CheckpointWriter writer;

    private CheckpointFile(Path latest, OutputLock lock, Consumer<CheckpointWriter.Written> onWritten,
                           Consumer<String> onFailed) {
        this.latest = latest;
        this.lock = lock;
        this.onWritten = onWritten;
        this.onFailed = onFailed;
    }

    /**
     * Takes the lock on {@code latest} (or says who holds it); the writer, once opened, tells {@code onWritten} and
     * {@code onFailed} of each checkpoint on its own thread (see {@link CheckpointWriter}).
     */
    public static CheckpointFile lock(Path latest, Consumer<CheckpointWriter.Written> onWritten,
                                      Consumer<String> onFailed) {
        return new CheckpointFile(latest, OutputLock.acquire(latest), onWritten, onFailed);
    }

    @Override
    public CheckpointSink open(Vocabulary vocabulary, CorpusInfo corpus) {
        writer = new CheckpointWriter(latest, vocabulary, corpus, onWritten, onFailed);
        return writer;
    }

    @Override
    public void saveLatest(CharModel model, TrainingHistory history) {
        writer.saveLatest(model, history);
    }

    @Override
    public void finish() {
        if (writer != null) {
            writer.close();
        }
    }

    @Override
    public void close() {
        try {
            finish();
        } finally {
            lock.close();
        }
    }
}
