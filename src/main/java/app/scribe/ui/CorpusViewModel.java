package app.scribe.ui;

import app.scribe.corpus.Corpus;
import app.scribe.corpus.CorpusReader;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The corpus pane: the books on offer, loading one in the background, and what the user is told about it. */
public final class CorpusViewModel {
    private final Session session;
    private final CorpusReader reader = new CorpusReader();
    private final ObservableList<Path> available = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("No corpus yet: pick a book or open a text file.");
    private final ReadOnlyStringWrapper preview = new ReadOnlyStringWrapper("");

    public CorpusViewModel(Session session) {
        this.session = session;
        refreshAvailable();
    }

    public ObservableList<Path> available() {
        return available;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty previewProperty() {
        return preview.getReadOnlyProperty();
    }

    public void refreshAvailable() {
        available.clear();
        Path folder = session.corporaFolder();
        if (Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.list(folder)) {
                available.addAll(files.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted()
                        .collect(Collectors.toList()));
            } catch (IOException e) {
                session.messages().error("Cannot list " + folder + ": " + e.getMessage());
            }
        }
    }

    /** Reads the file off the FX thread; the corpus becomes the session's when it is ready. */
    public void load(Path file) {
        loading.set(true);
        summary.set("Reading " + file.getFileName() + "…");
        session.background().io(() -> reader.read(file), this::show, failure -> {
            loading.set(false);
            summary.set(session.corpusProperty().get() == null ? "No corpus loaded." : describe(session.corpusProperty().get()));
            session.messages().failure(failure);
        });
    }

    private void show(Corpus corpus) {
        loading.set(false);
        session.corpusProperty().set(corpus);
        summary.set(describe(corpus));
        preview.set(corpus.preview());
        session.messages().info("Loaded " + corpus.name() + ".");
    }

    static String describe(Corpus corpus) {
        String rarest = corpus.rarest().stream().map(c -> c.character() + "×" + c.count())
                .collect(Collectors.joining("  "));
        return String.format("%s%n%,d bytes · %,d characters · %d distinct · %s%s%nRarest: %s%nUnigram entropy %.2f nats/char",
                corpus.name(), corpus.fileBytes(), corpus.length(), corpus.vocabulary().size(),
                corpus.encodingSummary(), corpus.strippedGutenberg() ? " · Gutenberg header removed" : "", rarest,
                corpus.unigramEntropy());
    }
}
