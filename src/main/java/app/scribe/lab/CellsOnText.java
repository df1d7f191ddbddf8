package app.scribe.lab;

import app.scribe.ScribeException;
import app.scribe.corpus.Corpus;
import app.scribe.model.CellType;
import app.scribe.model.CharModel;
import app.scribe.model.Engines;
import app.scribe.model.Hyperparameters;
import app.scribe.training.Trainer;
import app.scribe.training.TrainingEvent;
import app.scribe.training.TrainingHistory;
import app.scribe.training.TrainingPlan;

import java.util.ArrayList;
import java.util.List;

/**
 * Page 6, cells on text: the same book, the same settings (the seed reports' 2 x 128, sequence 30, batch 64,
 * RMSprop 2e-3) and the same number of steps for each cell, one after the other; their validation losses.
 */
public final class CellsOnText {
    public static final int MAX_STEPS = 1_000_000;
    /** The cells compared unless others are named: the three the seed reports' questions are about. */
    public static final String DEFAULT_CELLS = "lstm,gru,rnn";

    public interface Listener {
        void validation(CellType cell, long step, double loss);

        void progress(CellType cell, long step);
    }

    public record Result(CellType cell, long steps, double validationLoss, String ending) {
    }

    private CellsOnText() {
    }

    public static List<Result> run(Corpus corpus, List<CellType> cells, long steps, Hyperparameters settings,
                                   Stop stop, Listener listener) {
        if (steps < 1 || steps > MAX_STEPS) {
            throw new ScribeException("Steps must be between 1 and " + MAX_STEPS + " (got " + steps + ").");
        }
        List<Result> results = new ArrayList<>();
        for (CellType cell : cells) {
            if (stop.requested()) {
                break;
            }
            CharModel model = Engines.create(Engines.DEFAULT, corpus.vocabulary().size(), settings.withCell(cell));
            Trainer trainer = new Trainer(model, corpus, TrainingPlan.forSteps(steps), new TrainingHistory());
            String[] ending = {""};
            trainer.addListener(event -> {
                if (event instanceof TrainingEvent.Evaluation e) {
                    listener.validation(cell, e.step(), e.validationLoss());
                } else if (event instanceof TrainingEvent.Progress p) {
                    listener.progress(cell, p.step());
                    if (stop.requested()) {
                        trainer.stop();
                    }
                } else if (event instanceof TrainingEvent.Finished f) {
                    ending[0] = f.reason();
                }
            });
            double loss = trainer.run();
            results.add(new Result(cell, trainer.history().step(), loss, ending[0]));
        }
        return results;
    }
}
