package app.scribe.model;

/**
 * Hears how far a long piece of work has come. Called often from the working thread, so implementations must be
 * cheap and must not block.
 */
@FunctionalInterface
public interface Progress {
    Progress NONE = (done, total) -> { };

    /** {@code done} of {@code total} units of work are finished. */
    void reached(long done, long total);
}
