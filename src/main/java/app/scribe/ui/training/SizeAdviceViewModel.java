package app.scribe.ui.training;

import app.scribe.ui.common.Session;

import app.scribe.ScribeException;
import app.scribe.corpus.BatchSource;
import app.scribe.corpus.Corpus;
import app.scribe.model.Hyperparameters;
import app.scribe.training.SizeAdvice;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** The size advice beside the corpus stats, kept up to date with the corpus, the model form and the last run's speed. */
public final class SizeAdviceViewModel {
    private final Session session;
    private final TrainingViewModel training;
    private final ReadOnlyStringWrapper advice = new ReadOnlyStringWrapper("");

    public SizeAdviceViewModel(Session session, TrainingViewModel training) {
        this.session = session;
        this.training = training;
        TrainingForm form = training.form();
        for (Observable input : new Observable[]{session.corpusProperty(), form.hiddenSizeProperty(),
                form.layersProperty(), form.cellProperty(), form.seqLengthProperty(),
                training.speedProperty(), session.modelProperty()}) {
            input.addListener(changed -> refresh());
        }
        refresh();
    }

    public ReadOnlyStringProperty adviceProperty() {
        return advice.getReadOnlyProperty();
    }

    private void refresh() {
        Corpus corpus = session.corpusProperty().get();
        if (corpus == null) {
            advice.set("");
            return;
        }
        try {
            Hyperparameters hp = training.form().hyperparameters();
            long trainingCharacters = new BatchSource(corpus, hp.seqLength(), hp.batchSize()).trainingCharacters();
            advice.set(SizeAdvice.advise(corpus.length(), trainingCharacters,
                    SizeAdvice.parameters(hp, vocabularySize(corpus)), training.speedProperty().get()));
        } catch (ScribeException e) {
            advice.set(""); // the form or the corpus says what is wrong when Train is pressed
        }
    }

    /** The vocabulary of the model that will train: the model's own when one is in use, else the book's. */
    private int vocabularySize(Corpus corpus) {
        Session.ModelState state = session.modelProperty().get();
        return state != null ? state.model().vocabSize() : corpus.vocabulary().size();
    }
}
