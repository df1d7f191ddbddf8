package app.scribe.ui;

import app.scribe.ScribeException;
import app.scribe.corpus.Corpus;
import app.scribe.persistence.CheckpointWriter;
import app.scribe.persistence.ModelFile;
import app.scribe.persistence.SavedModel;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Saving the current model to models/NAME.scribe and loading model files, both off the FX thread. */
public final class ModelFilesViewModel {
    private final Session session;
    private final TrainingViewModel training;
    private final ModelFile files = new ModelFile();
    private final StringProperty name = new SimpleStringProperty("my-model");
    private final ObservableList<Path> saved = FXCollections.observableArrayList();

    public ModelFilesViewModel(Session session, TrainingViewModel training) {
        this.session = session;
        this.training = training;
        training.setAutosave(this::autosaveTarget, this::refresh);
        refresh();
    }

    /**
     * Where a training run autosaves: the model's own file. A new model whose name is taken by files of an earlier
     * one gets the next free name ("my-model-2"), so autosave never overwrites another model.
     */
    Path autosaveTarget(boolean newModel) {
        Path target = target();
        if (newModel) {
            String base = target.getFileName().toString();
            base = base.substring(0, base.length() - ModelFile.EXTENSION.length());
            for (int n = 2; Files.exists(target) || Files.exists(CheckpointWriter.bestPathFor(target)); n++) {
                target = session.modelsFolder().resolve(base + "-" + n + ModelFile.EXTENSION);
            }
            String file = target.getFileName().toString();
            name.set(file.substring(0, file.length() - ModelFile.EXTENSION.length()));
        }
        return target;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ObservableList<Path> savedModels() {
        return saved;
    }

    public Path target() {
        String base = name.get() == null ? "" : name.get().trim();
        if (base.endsWith(ModelFile.EXTENSION)) {
            base = base.substring(0, base.length() - ModelFile.EXTENSION.length());
        }
        if (base.isEmpty() || !base.matches("[\\p{L}\\p{N} ._-]+") || base.startsWith(".")) {
            throw new ScribeException("A model name may use letters, digits, spaces, '.', '_' and '-' (got '" + name.get() + "').");
        }
        return session.modelsFolder().resolve(base + ModelFile.EXTENSION);
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
            target = target();
        } catch (ScribeException e) {
            session.messages().error(e.getMessage());
            return;
        }
        training.modelForGeneration()
                .thenAcceptAsync(copy -> files.save(new SavedModel(copy, state.vocabulary(), state.corpus(),
                        state.history().copy()), target), session.background().ioExecutor())
                .whenComplete((ok, failure) -> Background.onFx(() -> {
                    if (failure != null) {
                        session.messages().failure(failure);
                    } else {
                        refresh();
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
            session.modelProperty().set(new Session.ModelState(loaded.model(), loaded.vocabulary(), loaded.corpus(), loaded.history()));
            String base = file.getFileName().toString();
            name.set(base.endsWith(ModelFile.EXTENSION) ? base.substring(0, base.length() - ModelFile.EXTENSION.length()) : base);
            Corpus corpus = session.corpusProperty().get();
            String hint = corpus != null && corpus.sha256().equals(loaded.corpus().sha256()) ? ""
                    : " To continue training, open its corpus (" + loaded.corpus().name() + ").";
            session.messages().info("Loaded " + file.getFileName() + " (step " + loaded.history().step() + ")." + hint);
        }, session.messages()::failure);
    }

    public void refresh() {
        saved.clear();
        if (Files.isDirectory(session.modelsFolder())) {
            try (Stream<Path> list = Files.list(session.modelsFolder())) {
                saved.addAll(list.filter(p -> p.getFileName().toString().endsWith(ModelFile.EXTENSION)).sorted()
                        .collect(Collectors.toList()));
            } catch (IOException e) {
                session.messages().error("Cannot list " + session.modelsFolder() + ": " + e.getMessage());
            }
        }
    }
}
