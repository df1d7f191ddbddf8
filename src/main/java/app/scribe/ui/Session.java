package app.scribe.ui;

import app.scribe.corpus.Corpus;
import app.scribe.corpus.CorpusInfo;
import app.scribe.corpus.Vocabulary;
import app.scribe.model.CharModel;
import app.scribe.training.TrainingHistory;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.nio.file.Path;

/** What the panes share: the corpus in use and the current model. Read and written on the FX thread only. */
public final class Session {
    /** A model together with what it was trained on and its history. */
    public record ModelState(CharModel model, Vocabulary vocabulary, CorpusInfo corpus, TrainingHistory history) {
    }

    static final String NO_MODEL = "There is no model yet: train one or load one.";

    private final ObjectProperty<Corpus> corpus = new SimpleObjectProperty<>();
    private final ObjectProperty<ModelState> model = new SimpleObjectProperty<>();
    private final Path modelsFolder;
    private final Path corporaFolder;
    private final Background background;
    private final Messages messages;

    public Session(Path corporaFolder, Path modelsFolder, Background background, Messages messages) {
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

    public Path modelsFolder() {
        return modelsFolder;
    }

    public Path corporaFolder() {
        return corporaFolder;
    }

    public Background background() {
        return background;
    }

    public Messages messages() {
        return messages;
    }
}
