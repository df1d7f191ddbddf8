package app.scribe.ui.models;

import app.scribe.ShippedModels;
import app.scribe.persistence.ModelFolder;
import app.scribe.persistence.ModelSummary;
import app.scribe.ui.common.Session;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The models the picker lists: the user's models folder, newest first, then the starter models that ship with
 * Scribe (listed and loaded, never written, renamed or deleted), with each file's card read off the FX thread.
 */
public final class ModelList {
    private final Session session;
    private final ModelFolder folder;
    private final ModelFolder starters;
    private final Path startersFolder;
    private final ReadOnlyObjectWrapper<Map<Path, ModelSummary>> summaries = new ReadOnlyObjectWrapper<>(Map.of());
    private final ObservableList<Path> saved = FXCollections.observableArrayList();

    ModelList(Session session, ModelFolder folder, Path startersFolder) {
        this.session = session;
        this.folder = folder;
        this.startersFolder = ModelNames.key(startersFolder);
        this.starters = new ModelFolder(startersFolder);
    }

    /**
     * Lists the models folder again, newest first; the files' summaries are read off the FX thread.
     */
    public void refresh() {
        List<Path> found = new ArrayList<>();
        try {
            found.addAll(folder.files());
            found.addAll(starters.files().stream().sorted().toList());
        } catch (IOException e) {
            session.messages().error("Cannot list " + session.modelsFolder() + ": " + e.getMessage());
            return;
        }
        follow(found);
        session.background().io(() -> found.stream().collect(Collectors.toMap(file -> file, folder::summary)),
                summaries::set, session.messages()::failure);
    }

    /**
     * Brings the list to {@code found} by removing and inserting single files, never by replacing the whole list,
     * which would clear the picker's chosen model.
     */
    private void follow(List<Path> found) {
        saved.removeIf(file -> !found.contains(file));
        for (int i = 0; i < found.size(); i++) {
            if (i >= saved.size() || !saved.get(i).equals(found.get(i))) {
                saved.remove(found.get(i));
                saved.add(i, found.get(i));
            }
        }
    }

    /** What each listed file's manifest says (or why it cannot be read); filled in shortly after each listing. */
    public ReadOnlyObjectProperty<Map<Path, ModelSummary>> summariesProperty() {
        return summaries.getReadOnlyProperty();
    }

    /** Whether {@code file} is one of the starter models that ship with Scribe. */
    public boolean isStarter(Path file) {
        return file != null && startersFolder.equals(ModelNames.key(file).getParent());
    }

    /** The name of the book {@code file}'s model learnt from, as its manifest says (empty when it cannot be read). */
    public String bookOf(Path file) {
        ModelSummary summary = folder.summary(file);
        return summary.damaged() ? "" : summary.book();
    }

    /** The starter models: {@link ShippedModels#FIRST} first where it ships, then the others by name. */
    public List<Path> starterModels() {
        return saved.stream().filter(this::isStarter)
                .sorted(Comparator.comparing((Path p) -> !p.getFileName().toString().equals(ShippedModels.FIRST))
                        .thenComparing(Path::getFileName))
                .toList();
    }

    /** The listed files: the user's models, newest first, then the starters. */
    public ObservableList<Path> savedModels() {
        return saved;
    }
}
