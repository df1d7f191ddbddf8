package app.scribe.ui.common;

import javafx.application.Platform;
import javafx.concurrent.Task;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The app's worker threads: one for short jobs (reading files, saving, copying models), one per long job kind
 * (training, generation, the library's downloads), and one for suggestions as the user writes, so that they never
 * wait behind a long generation.
 * Threads are daemons so that a closing window never waits for them.
 */
public final class BackgroundWork {
    private final ExecutorService io = Executors.newSingleThreadExecutor(named("scribe-io"));
    private final ExecutorService training = Executors.newSingleThreadExecutor(named("scribe-training"));
    private final ExecutorService generation = Executors.newSingleThreadExecutor(named("scribe-generation"));
    private final ExecutorService writing = Executors.newSingleThreadExecutor(named("scribe-writing"));
    private final ExecutorService library = Executors.newSingleThreadExecutor(named("scribe-library"));

    public ExecutorService ioExecutor() {
        return io;
    }

    public ExecutorService training() {
        return training;
    }

    public ExecutorService generation() {
        return generation;
    }

    public ExecutorService writing() {
        return writing;
    }

    /** Runs {@code work} off the FX thread; {@code onDone} or {@code onFailed} then run on the FX thread. */
    public <T> Task<T> io(Supplier<T> work, Consumer<T> onDone, Consumer<Throwable> onFailed) {
        return run(io, work, onDone, onFailed);
    }

    /** As {@link #io}, on the library's thread, so that a long download never delays reading a book. */
    public <T> Task<T> library(Supplier<T> work, Consumer<T> onDone, Consumer<Throwable> onFailed) {
        return run(library, work, onDone, onFailed);
    }

    private static <T> Task<T> run(ExecutorService executor, Supplier<T> work, Consumer<T> onDone,
                                   Consumer<Throwable> onFailed) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() {
                return work.get();
            }
        };
        task.setOnSucceeded(e -> onDone.accept(task.getValue()));
        task.setOnFailed(e -> onFailed.accept(task.getException()));
        executor.execute(task);
        return task;
    }

    public void shutdown() {
        io.shutdownNow();
        training.shutdownNow();
        generation.shutdownNow();
        writing.shutdownNow();
        library.shutdownNow();
    }

    public static void onFx(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }

    private static ThreadFactory named(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
