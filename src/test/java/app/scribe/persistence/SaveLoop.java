package app.scribe.persistence;

import app.scribe.corpus.CorpusInfo;
import app.scribe.corpus.Vocabulary;
import app.scribe.model.CharModel;
import app.scribe.model.Engines;
import app.scribe.model.Hyperparameters;
import app.scribe.training.TrainingHistory;

import java.nio.file.Path;
import java.util.List;

/** A process that saves one model over and over until it is killed: the victim of {@link KillDuringSaveTest}. */
public final class SaveLoop {
    static final String READY = "ready";

    private SaveLoop() {
    }

    static SavedModel model(long step) {
        Vocabulary vocabulary = Vocabulary.of("abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ.,;:!?'\"-\n0123456789()");
        Hyperparameters hp = Hyperparameters.defaults();
        hp = new Hyperparameters(256, 2, hp.seqLength(), hp.batchSize(), hp.optimizer(), hp.learningRate(),
                hp.decayRate(), hp.decayEvery(), hp.clipNorm(), hp.dropout(), step);
        CharModel model = Engines.create(Engines.DEFAULT, vocabulary.size(), hp);
        TrainingHistory history = new TrainingHistory(step, 0, List.of(new TrainingHistory.Point(step, 1.0)),
                List.of(), List.of());
        return new SavedModel(model, vocabulary, new CorpusInfo("loop.txt", "0".repeat(64), 1, 1), history);
    }

    public static void main(String[] args) {
        Path target = Path.of(args[0]);
        ModelFile files = new ModelFile();
        SavedModel saved = model(7);
        System.out.println(READY);
        System.out.flush();
        while (true) {
            files.save(saved, target);
        }
    }
}
