package app.scribe.ui.training;

import app.scribe.model.Hyperparameters;
import app.scribe.model.Optimizer;
import app.scribe.ui.common.BackgroundWork;
import app.scribe.ui.common.Messages;
import app.scribe.ui.common.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Steps after a model brought in: raised past its step, back to the default for a new model unless the user chose;
 * a new model starts from the default settings, not the last model's.
 */
class TrainingFormTest {
    @TempDir
    Path dir;

    @Test
    void stepsRaisedForAModelGoBackForANewOneButTheUsersChoiceStays() {
        TrainingForm form = new TrainingForm(new Session(dir, dir, new BackgroundWork(), new Messages()));
        int defaultSteps = form.stepsProperty().get();
        form.show(Hyperparameters.defaults(), 4870);
        assertEquals(4870 + defaultSteps, form.stepsProperty().get(), "raised so that Train trains it further");
        form.forNewModel();
        assertEquals(defaultSteps, form.stepsProperty().get(), "a new model starts from the default");

        form.show(Hyperparameters.defaults(), 4870);
        form.stepsProperty().set(9000);
        form.forNewModel();
        assertEquals(9000, form.stepsProperty().get(), "the user's own choice stays");
    }

    @Test
    void aNewModelStartsFromTheDefaultsNotTheLastModelsShapeOrRate() {
        TrainingForm form = new TrainingForm(new Session(dir, dir, new BackgroundWork(), new Messages()));
        Hyperparameters d = Hyperparameters.defaults();
        form.show(new Hyperparameters(192, 2, 50, 32, Optimizer.ADAM, 2e-3, 0.96, 5000, 5, 0.1, 7), 4870);
        form.learningRateProperty().set("6.67E-4"); // a continued run's third
        form.autosaveMinutesProperty().set(9);
        form.forNewModel();
        Hyperparameters fresh = form.hyperparameters();
        assertEquals(d.hiddenSize(), fresh.hiddenSize());
        assertEquals(d.layers(), fresh.layers());
        assertEquals(d.seqLength(), fresh.seqLength());
        assertEquals(d.batchSize(), fresh.batchSize());
        assertEquals(d.optimizer(), fresh.optimizer());
        assertEquals(d.dropout(), fresh.dropout());
        assertEquals(d.seed(), fresh.seed());
        assertEquals("2e-3", form.learningRateProperty().get());
        assertEquals(9, form.autosaveMinutesProperty().get(), "the run's own settings stay");
    }

    @Test
    void theStepsATimedRunExpectsGoBackForANewModel() {
        TrainingForm form = new TrainingForm(new Session(dir, dir, new BackgroundWork(), new Messages()));
        int defaultSteps = form.stepsProperty().get();
        form.expectSteps(4710);
        assertEquals(4710, form.stepsProperty().get());
        form.forNewModel();
        assertEquals(defaultSteps, form.stepsProperty().get());
    }

    @Test
    void stepsRaisedForOneModelFollowTheNextModelBroughtIn() {
        TrainingForm form = new TrainingForm(new Session(dir, dir, new BackgroundWork(), new Messages()));
        int defaultSteps = form.stepsProperty().get();
        form.show(Hyperparameters.defaults(), 4870);
        form.show(Hyperparameters.defaults(), 3000);
        assertEquals(3000 + defaultSteps, form.stepsProperty().get(), "the second model's step, not the first's");
        form.stepsProperty().set(9000);
        form.show(Hyperparameters.defaults(), 3000);
        assertEquals(9000, form.stepsProperty().get(), "the user's own choice stays");
    }

    @Test
    void aBadRateOrDecayIsAProblemUntilFixedAndRefusesTheRun() {
        TrainingForm form = new TrainingForm(new Session(dir, dir, new BackgroundWork(), new Messages()));
        form.learningRateProperty().set("foo");
        assertTrue(form.refuse(), "a text not yet left counts");
        assertEquals("Learning rate must be a number such as 2e-3 (got 'foo').", form.problems().firstSaid().get());
        form.learningRateProperty().set("1e-3");
        assertEquals("", form.problems().firstSaid().get(), "fixed: the sentence goes");
        form.weightDecayProperty().set("2");
        form.commit(form.weightDecayProperty());
        assertTrue(form.problems().firstSaid().get().startsWith("Weight decay must be between 0 and 1"),
                form.problems().firstSaid().get());
        form.show(Hyperparameters.defaults(), 0);
        assertEquals("", form.problems().firstSaid().get(), "a model's settings replace the bad text");
        assertFalse(form.refuse());
    }
}
