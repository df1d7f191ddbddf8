package app.scribe.ui.training;

import app.scribe.ui.common.Session;

import app.scribe.corpus.Corpus;
import app.scribe.model.Hyperparameters;
import app.scribe.training.LearningRateSchedule;
import app.scribe.training.TrainingStart;
import app.scribe.training.VocabularyGrowth;
import javafx.beans.property.StringProperty;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A model in use continued on another book: the lower learning rate the form suggests for it, and the start of such a
 * run (the model grown when the book has new characters, which the user is told).
 */
final class Continuation {
    private Continuation() {
    }

    /** Whether the model in use was last trained on another text than the book open. */
    static boolean onAnotherText(Session session) {
        Session.ModelState state = session.modelProperty().get();
        Corpus corpus = session.corpusProperty().get();
        return state != null && corpus != null && state.corpus() != null
                && !corpus.sha256().equals(state.corpus().sha256());
    }

    /**
     * From now on, whenever the model or the book changes, {@link #suggestRate suggests the rate} for the two as they
     * are then (a model loaded with its own book changes one, then the other).
     */
    static void suggestRates(Session session, StringProperty learningRate, Consumer<String> say) {
        String[] suggested = {null};
        Runnable suggest = () -> suggested[0] = suggestRate(session, learningRate, say, suggested[0]);
        session.modelProperty().addListener((obs, old, now) -> suggest.run());
        session.corpusProperty().addListener((obs, old, now) -> suggest.run());
    }

    /**
     * When the model and the book differ, sets the form's rate to the suggested one, says so in {@code say} and
     * returns the rate as shown; back on the model's own book, where the form still shows the rate {@code suggested}
     * before, shows the model's own rate again and says so (a run there follows the model's own schedule), and
     * returns null. A rate the user typed stays.
     */
    static String suggestRate(Session session, StringProperty learningRate, Consumer<String> say, String suggested) {
        Session.ModelState state = session.modelProperty().get();
        if (state == null || session.corpusProperty().get() == null) {
            return suggested;
        }
        Hyperparameters hp = state.model().hyperparameters();
        if (onAnotherText(session)) {
            int newCharacters = VocabularyGrowth.newCharacters(state.vocabulary(), session.corpusProperty().get());
            RunStatusText.showNumber(learningRate, TrainingStart.Continued.suggestedRate(hp, newCharacters));
            say.accept("Train continues the model on this book at learning rate " + learningRate.get() + " ("
                    + TrainingStart.Continued.suggestedRateReason(newCharacters) + "); change it in Settings below if you like.");
            return learningRate.get();
        }
        if (learningRate.get().equals(suggested)) {
            RunStatusText.showNumber(learningRate, hp.learningRate());
            say.accept("Train continues the model on its own book, at its own learning rate.");
        }
        return null;
    }

    /**
     * The model in use continued on {@code corpus}: the session's model becomes the continued one (grown when the
     * book has new characters) and the user is told what was added; the form's rate survives the model's change.
     */
    static TrainingStart.Continued start(Session session, Corpus corpus, StringProperty learningRate) {
        Session.ModelState state = session.modelProperty().get();
        List<String> notes = new ArrayList<>();
        TrainingStart.Continued continued = TrainingStart.resume(new TrainingStart.Subject(state.model(),
                state.vocabulary(), state.corpus(), state.history()), corpus, warning -> notes.add("Note: " + warning));
        if (continued.growth().grows()) {
            notes.add(0, "The model learns " + continued.growth().sentence());
        }
        if (continued.newText() || continued.growth().grows()) {
            String shown = learningRate.get();
            TrainingStart.Subject s = continued.subject();
            session.modelProperty().set(new Session.ModelState(s.model(), s.vocabulary(), s.corpus(), s.history()));
            learningRate.set(shown);
        }
        if (!notes.isEmpty()) {
            session.messages().info(String.join(" ", notes));
        }
        return continued;
    }

    /**
     * A run on another text, or at a rate the form changed, follows the form's {@code rate}, decaying as the model's
     * from the run's first step; otherwise the model's own schedule.
     */
    static void schedule(TrainingStart start, TrainingStart.Continued continued, double rate) {
        if (continued != null && (continued.newText()
                || rate != continued.subject().model().hyperparameters().learningRate())) {
            start.trainer().setSchedule(LearningRateSchedule.from(rate, continued.subject().history().step(),
                    continued.subject().model().hyperparameters()));
        }
    }
}
