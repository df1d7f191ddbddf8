package app.scribe.ui.training;

import app.scribe.model.Hyperparameters;
import app.scribe.ui.common.BackgroundWork;
import app.scribe.ui.common.Messages;
import app.scribe.ui.common.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Steps after a model brought in: raised past its step, back to the default for a new model unless the user chose. */
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
}
