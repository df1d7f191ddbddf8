package app.scribe.persistence;

import java.nio.file.Path;

/**
 * Takes a model's lock and ends the process as a signal without Scribe's handlers would (System.exit runs the
 * shutdown hooks, as the JVM's own SIGTERM handling does): the victim of {@link LockFileAtExitTest}.
 */
public final class LockThenExit {
    private LockThenExit() {
    }

    public static void main(String[] args) {
        OutputLock.acquire(Path.of(args[0]));
        System.exit(143);
    }
}
