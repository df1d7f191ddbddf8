package app.scribe.ui.models;

import app.scribe.ui.common.BackgroundWork;
import app.scribe.ui.common.Keys;
import app.scribe.ui.common.ReplaceQuestion;
import app.scribe.ui.common.Session;
import app.scribe.ui.training.TrainingViewModel;

import app.scribe.ScribeException;
import app.scribe.corpus.Corpus;
import app.scribe.corpus.CorpusInfo;
import app.scribe.model.CellType;
import app.scribe.persistence.ModelFile;
import app.scribe.persistence.ModelFolder;
import app.scribe.persistence.SavedModel;
import app.scribe.training.CheckpointSink;
import app.scribe.training.TrainingHistory;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Saving the current model to models/NAME.scribe and loading model files, both off the FX thread. A save or an
 * autosave that would replace a file this window did not write (a model loaded or trained earlier) asks first.
 */
public final class ModelFilesViewModel {
    private final Session session;
    private final TrainingViewModel training;
    private final ReplaceQuestion replaceQuestion;
    /** Files this window wrote or was allowed to replace: saving to them again asks nothing. */
    private final Set<Path> ours = new HashSet<>();
    private final ModelFile files = new ModelFile();
    private final ModelFolder folder;
    private final ModelList list;
    private final StringProperty name = new SimpleStringProperty("my-model");
    /** The name this window last gave the field (a file's, or a new model's); another is the user's own. */
    private String givenName = name.get();
    /** The model last written to or read from a file, and its step then: later training is not saved yet. */
    private Session.ModelState savedState;
    private long savedStep;
    private final ReadOnlyObjectWrapper<SavedFile> lastFile = new ReadOnlyObjectWrapper<>();
    private final ModelFileEdits edits;

    /** A model file read or written, with the step it holds. */
    public record SavedFile(Path file, long step) {
    }

    public ModelFilesViewModel(Session session, TrainingViewModel training, ReplaceQuestion replaceQuestion,
                               Path startersFolder) {
        this.session = session;
        this.training = training;
        this.replaceQuestion = replaceQuestion;
        this.folder = new ModelFolder(session.modelsFolder());
        this.list = new ModelList(session, folder, startersFolder);
        this.edits = new ModelFileEdits(session, training, folder, list, lastFile);
        training.setAutosave(this::autosaveTarget, written -> {
            list.refresh();
            if (written.kind() == CheckpointSink.Kind.LATEST) {
                markSaved(session.modelProperty().get(), written.step(), written.file());
            }
        });
        session.modelProperty().addListener((obs, old, now) -> nameNewModel(now));
        list.refresh();
    }

    /**
     * A model that starts afresh (New model, then Train) takes the next free name from its books and cell, never the
     * last model's nor a starter's; a name the user typed stays. New model shows the name for the book open.
     */
    private void nameNewModel(Session.ModelState state) {
        Corpus book = session.corpusProperty().get();
        if (!name.get().equals(givenName)) {
            return;
        }
        if (state == null && book != null) {
            useName(freeName(CorpusInfo.of(book), training.form().cellProperty().get()));
        } else if (state != null && state != savedState && state.history().step() == 0 && state.corpus() != null) {
            useName(freeName(state.corpus(), state.model().hyperparameters().cell()));
        }
    }

    private Path freeName(CorpusInfo books, CellType cell) {
        Set<String> starters = list.starterModels().stream().map(f -> f.getFileName().toString())
                .collect(Collectors.toSet());
        return ModelNames.freeName(folder.fileFor(ModelNames.forModel(books, cell)), starters);
    }

    /**
     * Where a training run autosaves: the model's own file, or null when the user cancelled. A new model whose name
     * is taken by files of an earlier one gets the next free name ("my-model-2"), so autosave never overwrites
     * another model; a model that continues asks before it replaces files this window did not write.
     */
    Path autosaveTarget(boolean newModel) {
        Path target = target();
        if (newModel) {
            target = ModelNames.freeName(target);
            useName(target);
            ModelNames.savedFiles(target, true).forEach(this::claim);
            return target;
        }
        return allowed(target, true);
    }

    /**
     * {@code target} when saving there (and with {@code withBest}, to its best file) replaces nothing this window
     * did not write; otherwise what the user chooses: {@code target} anyway, a free name (which becomes the model's
     * name), or null to cancel.
     */
    private Path allowed(Path target, boolean withBest) {
        List<Path> foreign = ModelNames.savedFiles(target, withBest).stream()
                .filter(f -> Files.exists(f) && !ours.contains(ModelNames.key(f))).toList();
        Path chosen = target;
        if (!foreign.isEmpty()) {
            Path free = ModelNames.freeName(target);
            switch (replaceQuestion.ask(foreign, free)) {
                case REPLACE -> chosen = target;
                case NEW_NAME -> {
                    chosen = free;
                    useName(free);
                }
                case CANCEL -> {
                    return null;
                }
            }
        }
        ModelNames.savedFiles(chosen, withBest).forEach(this::claim);
        return chosen;
    }

    private void useName(Path file) {
        givenName = ModelNames.baseName(file);
        name.set(givenName);
    }

    private void claim(Path file) {
        ours.add(ModelNames.key(file));
    }

    /** Whether the current model has training steps that no file holds. */
    public boolean hasUnsavedTraining() {
        Session.ModelState state = session.modelProperty().get();
        return state != null && state.history().step() > 0
                && !(state == savedState && state.history().step() == savedStep);
    }

    private void markSaved(Session.ModelState state, long step, Path file) {
        savedState = state;
        savedStep = step;
        lastFile.set(new SavedFile(ModelNames.key(file), step));
    }

    /** The file the current model was last loaded from or written to, and its step then; null before any. */
    public ReadOnlyObjectProperty<SavedFile> lastFileProperty() {
        return lastFile.getReadOnlyProperty();
    }

    /** The model in use, for what depends on whether there is one. */
    public ReadOnlyObjectProperty<Session.ModelState> modelProperty() {
        return session.modelProperty();
    }

    /** The saved models and the starters, as the picker lists them. */
    public ModelList list() {
        return list;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public Path target() {
        return folder.fileFor(name.get());
    }

    /** Saves a consistent copy of the model (taken between training steps when a run is going). */
    public void save() {
        saveThen(() -> { });
    }

    /** Saves, then runs {@code afterSuccess} on the FX thread (not after a failure, which is shown instead). */
    public void saveThen(Runnable afterSuccess) {
        Session.ModelState state = session.modelProperty().get();
        if (state == null) {
            session.messages().error("There is no model to save yet.");
            return;
        }
        Path target;
        try {
            target = allowed(target(), false);
        } catch (ScribeException e) {
            session.messages().error(e.getMessage());
            return;
        }
        if (target == null) {
            return;
        }
        session.modelCopy()
                .thenApplyAsync(copy -> {
                    TrainingHistory history = state.history().copy();
                    files.save(new SavedModel(copy, state.vocabulary(), state.corpus(), history), target);
                    return history.step();
                }, session.background().ioExecutor())
                .whenComplete((step, failure) -> BackgroundWork.onFx(() -> {
                    if (failure != null) {
                        session.messages().failure(failure);
                    } else {
                        markSaved(state, step, target);
                        list.refresh();
                        session.messages().info("Saved " + target.getFileName() + " at step " + state.history().step() + ".");
                        afterSuccess.run();
                    }
                }));
    }

    public void load(Path file) {
        if (training.isBusy()) {
            session.messages().error("Stop training before loading another model.");
            return;
        }
        session.background().io(() -> files.load(file), loaded -> {
            Session.ModelState state = new Session.ModelState(loaded.model(), loaded.vocabulary(), loaded.corpus(),
                    loaded.history());
            markSaved(state, loaded.history().step(), file);
            session.modelProperty().set(state);
            useName(file);
            Corpus corpus = session.corpusProperty().get();
            String hint = corpus == null ? " To continue training, open its book (" + loaded.corpus().name()
                    + ") or another." : corpus.sha256().equals(loaded.corpus().sha256()) ? ""
                    : " Train continues it on " + corpus.name() + "; open " + loaded.corpus().name()
                    + " to continue it on its own book.";
            session.messages().info(list.isStarter(file)
                    ? "Loaded the starter model " + file.getFileName() + ": Generate (" + Keys.GENERATE.getDisplayText()
                    + ") writes with it; Train teaches it more and saves your own copy."
                    : "Loaded " + file.getFileName() + " (step " + loaded.history().step() + ")." + hint);
        }, session.messages()::failure);
    }

    /** Enter in the name field: says where Save writes, or why the name cannot be used. */
    public void checkName() {
        try {
            session.messages().info("Save writes " + target().getFileName() + ".");
        } catch (ScribeException e) {
            session.messages().error(e.getMessage());
        }
    }

    /** Renaming and deleting saved models, and why the chosen one cannot be. */
    public ModelFileEdits edits() {
        return edits;
    }
}
