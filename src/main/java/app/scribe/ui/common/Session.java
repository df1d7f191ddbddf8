package app.scribe.ui.common;

import app.scribe.ScribeException;
import app.scribe.corpus.Corpus;
import app.scribe.corpus.CorpusInfo;
import app.scribe.corpus.Vocabulary;
import app.scribe.model.CharModel;
import app.scribe.training.Trainer;
import app.scribe.training.TrainingHistory;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleObjectProperty;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/**
 * What the panes share: the corpus in use and the current model, and copies of that model for work off the FX
 * thread. Read and written on the FX thread only.
 */
public final class Session {
    /** A model together with what it was trained on and its history. */
    public record ModelState(CharModel model, Vocabulary vocabulary, CorpusInfo corpus, TrainingHistory history) {
    }

    static final String NO_MODEL = "There is no model yet: train one or load one.";

    private final ObjectProperty<Corpus> corpus = new SimpleObjectProperty<>();
    private final ObjectProperty<ModelState> model = new SimpleObjectProperty<>();
    private final Path modelsFolder;
    private final Path corporaFolder;
    private final BackgroundWork background;
    private final Messages messages;
    /** The run training the current model, which alone may copy it while it runs; null between runs. */
    private Trainer training;
    private final ReadOnlyIntegerWrapper runsEnded = new ReadOnlyIntegerWrapper(0);

    public Session(Path corporaFolder, Path modelsFolder, BackgroundWork background, Messages messages) {
        this.corporaFolder = corporaFolder;
        this.modelsFolder = modelsFolder;
        this.background = background;
        this.messages = messages;
    }

    public ObjectProperty<Corpus> corpusProperty() {
        return corpus;
    }

    public ObjectProperty<ModelState> modelProperty() {
        return model;
    }

    /** The current model, or null after telling the user there is none yet. */
    public ModelState modelOrExplain() {
        if (model.get() == null) {
            messages.error(NO_MODEL);
        }
        return model.get();
    }

    /** {@code text}, or null when there is none to read, said with {@code whenEmpty}. */
    public String textOrExplain(String text, String whenEmpty) {
        if (text == null || text.isEmpty()) {
            messages.error(whenEmpty);
            return null;
        }
        return text;
    }

    /** Says which run owns the current model from now on ({@code null}: none, the model is at rest). */
    public void trainedBy(Trainer trainer) {
        if (trainer == null && training != null) {
            runsEnded.set(runsEnded.get() + 1);
        }
        training = trainer;
    }

    /** How many training runs of this window have ended: each changed the weights that views show. */
    public ReadOnlyIntegerProperty runsEndedProperty() {
        return runsEnded.getReadOnlyProperty();
    }

    /**
     * A private copy of the current model, to generate, read or save with off the FX thread: taken between training
     * steps while a run is going, otherwise copied directly. Completes off the FX thread.
     */
    public CompletableFuture<CharModel> modelCopy() {
        ModelState state = model.get();
        if (state == null) {
            return CompletableFuture.failedFuture(new ScribeException(NO_MODEL));
        }
        if (training != null) {
            return training.requestSnapshot();
        }
        return CompletableFuture.supplyAsync(() -> state.model().copy(), background.generation());
    }

    public Path modelsFolder() {
        return modelsFolder;
    }

    public Path corporaFolder() {
        return corporaFolder;
    }

    public BackgroundWork background() {
        return background;
    }

    public Messages messages() {
        return messages;
    }
}
