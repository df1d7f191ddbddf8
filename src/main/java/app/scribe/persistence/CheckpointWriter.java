package app.scribe.persistence;

import app.scribe.ScribeException;
import app.scribe.corpus.CorpusInfo;
import app.scribe.corpus.Vocabulary;
import app.scribe.model.CharModel;
import app.scribe.training.CheckpointSink;
import app.scribe.training.TrainingHistory;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Writes a run's checkpoints to model files on its own thread, so that training never waits for the disk: the
 * latest to {@code NAME.scribe}, the best by validation loss to {@code NAME.best.scribe}. When checkpoints come
 * faster than the disk takes them, only the newest of each kind is written. Each write is atomic (see
 * {@link AtomicFile}), so a crash or a full disk leaves the previous checkpoint intact, and replaces only the file
 * that was there when the run was checked, or that this run wrote last: a file someone put in its place is kept.
 */
public final class CheckpointWriter implements CheckpointSink, AutoCloseable {
    public static final String BEST_SUFFIX = ".best";

    /** A checkpoint that reached the disk. */
    public record Written(Kind kind, Path file, long step) {
    }

    private record Pending(CharModel model, TrainingHistory history) {
    }

    private final ModelFile files = new ModelFile();
    private final Vocabulary vocabulary;
    private final CorpusInfo corpus;
    private final Map<Kind, Path> targets = new EnumMap<>(Kind.class);
    /** What this run last saw at each target (null: nothing); a file found there in its place is never replaced. */
    private final Map<Kind, FileIdentity> written = new EnumMap<>(Kind.class);
    private final Map<Kind, AtomicReference<Pending>> pending = new EnumMap<>(Kind.class);
    private final Consumer<Written> onWritten;
    private final Consumer<String> onFailed;
    /** Whether the last write failed: a full disk fails every checkpoint, and one warning says so. */
    private boolean failing;
    /** The step of the latest checkpoint on disk, -1 before the first. */
    private long latestStep = -1;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "scribe-checkpoints");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * @param latest    where the latest checkpoint goes; the best goes beside it (see {@link #bestPathFor(Path)})
     * @param onWritten told of each checkpoint written, on the writer's thread
     * @param onFailed  told why a checkpoint could not be written, on the writer's thread, once until a checkpoint is
     *                  written again; training goes on
     */
    public CheckpointWriter(Path latest, Vocabulary vocabulary, CorpusInfo corpus, Consumer<Written> onWritten,
                            Consumer<String> onFailed) {
        this.vocabulary = vocabulary;
        this.corpus = corpus;
        this.onWritten = onWritten;
        this.onFailed = onFailed;
        targets.put(Kind.LATEST, latest);
        targets.put(Kind.BEST, bestPathFor(latest));
        for (Kind kind : Kind.values()) {
            pending.put(kind, new AtomicReference<>());
            written.put(kind, OutputGuard.isScribeModel(targets.get(kind)) ? FileIdentity.of(targets.get(kind)) : null);
        }
    }

    /** {@code dir/NAME.scribe} → {@code dir/NAME.best.scribe}. */
    public static Path bestPathFor(Path latest) {
        if (latest.getFileName() == null) {
            throw new ScribeException("Cannot save to " + latest + ": it is a folder; name a file such as "
                    + latest.resolve("model" + ModelFile.EXTENSION) + ".");
        }
        String name = latest.getFileName().toString();
        String base = name.endsWith(ModelFile.EXTENSION) ? name.substring(0, name.length() - ModelFile.EXTENSION.length()) : name;
        return latest.resolveSibling(base + BEST_SUFFIX + ModelFile.EXTENSION);
    }

    public Path target(Kind kind) {
        return targets.get(kind);
    }

    @Override
    public void checkpoint(Kind kind, CharModel model, TrainingHistory history) {
        if (pending.get(kind).getAndSet(new Pending(model, history)) == null) {
            writer.execute(() -> write(kind));
        }
    }

    private void write(Kind kind) {
        Pending next = pending.get(kind).getAndSet(null);
        if (next == null) {
            return;
        }
        Path target = targets.get(kind);
        try {
            written.put(kind, files.save(new SavedModel(next.model(), vocabulary, corpus, next.history()), target,
                    Replace.only(written.get(kind))));
            failing = false;
            if (kind == Kind.LATEST) {
                latestStep = next.history().step();
            }
            onWritten.accept(new Written(kind, target, next.history().step()));
        } catch (RuntimeException e) {
            if (!failing) {
                onFailed.accept("Could not write the " + kind.name().toLowerCase() + " checkpoint: " + e.getMessage()
                        + " Training goes on; later checkpoints that fail the same way are not reported.");
            }
            failing = true;
        }
    }

    /**
     * Saves the end of the run as the latest checkpoint, after those handed over so far, unless the latest on disk is
     * already at its step; unlike a checkpoint, a failure is thrown: the run's result would be lost. Replaces only
     * what this run saw or wrote there.
     */
    public void saveLatest(CharModel model, TrainingHistory history) {
        Path target = targets.get(Kind.LATEST);
        Future<?> saved = writer.submit(() -> {
            if (latestStep != history.step()) {
                written.put(Kind.LATEST, files.save(new SavedModel(model, vocabulary, corpus, history), target,
                        Replace.only(written.get(Kind.LATEST))));
                latestStep = history.step();
            }
        });
        try {
            saved.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new ScribeException(String.valueOf(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ScribeException("Saving " + target + " was interrupted; the last checkpoint is kept.");
        }
    }

    /** Waits until the checkpoints handed over so far are on disk (or have failed). */
    @Override
    public void close() {
        writer.shutdown();
        try {
            writer.awaitTermination(10, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
