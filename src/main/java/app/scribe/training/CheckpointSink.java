package app.scribe.training;

import app.scribe.model.CharModel;

/** Where a trainer hands its checkpoints, following its {@link CheckpointPolicy}. */
public interface CheckpointSink {
    enum Kind { LATEST, BEST }

    /**
     * Called on the training thread with private copies of the model and its history, which the sink may keep and
     * write on another thread. Must return quickly: training waits for it.
     */
    void checkpoint(Kind kind, CharModel model, TrainingHistory history);
}
