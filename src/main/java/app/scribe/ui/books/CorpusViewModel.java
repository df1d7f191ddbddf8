package app.scribe.ui.books;

import app.scribe.ui.common.Session;

import app.scribe.corpus.BatchSource;
import app.scribe.corpus.Cleaning;
import app.scribe.corpus.Corpus;
import app.scribe.corpus.CorpusInfo;
import app.scribe.corpus.CorpusReader;
import app.scribe.corpus.RecordFormat;
import app.scribe.library.BookIndex;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The corpus pane: the books on offer (the corpora folder's and the library's, each shown by title and author when
 * its folder's {@link BookIndex} knows them), loading one in the background, and what the user is told about it.
 */
public final class CorpusViewModel {
    private final Session session;
    private final Path libraryFolder;
    private final Map<Path, String> labels = new HashMap<>();
    private final CorpusReader reader = new CorpusReader();
    private final ObservableList<Path> available = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("No corpus yet: pick a book or open a text file.");
    /** Only the latest choice of books is shown: a quick Shift-click range starts several reads. */
    private long latestRequest;
    private final ObjectProperty<Cleaning> cleaning = new SimpleObjectProperty<>(Cleaning.KEEP);
    /** How the books are cut into records; null: learnt as one stream. */
    private final ObjectProperty<RecordFormat> records = new SimpleObjectProperty<>();
    /** The records the last book read as one stream seems made of, else null. */
    private final ObjectProperty<RecordFormat> suggestedRecords = new SimpleObjectProperty<>();
    /** The books last chosen, read again when the cleaning changes. */
    private List<Path> books = List.of();
    private final ReadOnlyStringWrapper preview = new ReadOnlyStringWrapper("");
    private List<Path> shownBooks = List.of();
    /** Books opened from elsewhere, kept in the list. */
    private final List<Path> opened = new ArrayList<>();
    private Consumer<List<Path>> pickModelBooks = books -> { };
    /** What shows the books in use again when the books chosen are refused. */
    private Consumer<List<Path>> showInUse = books -> { };
    /** The books being picked for a model loaded: read without a message, which would hide the model's own. */
    private List<Path> quietFor = List.of();

    public CorpusViewModel(Session session, Path libraryFolder) {
        this.session = session;
        this.libraryFolder = libraryFolder;
        refreshAvailable();
        cleaning.addListener((obs, old, now) -> {
            if (!books.isEmpty()) {
                load(books);
            }
        });
        records.addListener((obs, old, now) -> {
            if (!books.isEmpty()) {
                load(books);
            }
        });
        // A model's books read as it learnt them: as records or as one stream, as its file says.
        session.modelProperty().addListener((obs, old, now) -> {
            if (now != null && now.corpus() != null) {
                records.set(now.corpus().records() == null ? null : now.corpus().records().format());
                List<Path> trained = trainedOn(now.corpus());
                if (!trained.isEmpty()) {
                    quietFor = trained;
                    pickModelBooks.accept(trained);
                    quietFor = List.of();
                }
            }
        });
    }

    /** How the books are cut into records (null: one stream); a change reads the chosen books again. */
    public ObjectProperty<RecordFormat> recordsProperty() {
        return records;
    }

    /** What Records the books seem made of (a list of short lines, quotations between % lines), else null. */
    public ObjectProperty<RecordFormat> suggestedRecordsProperty() {
        return suggestedRecords;
    }

    /** How the books' characters are cleaned; a change reads the chosen books again with it. */
    public ObjectProperty<Cleaning> cleaningProperty() {
        return cleaning;
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

    /**
     * What picks a model's books when a model comes into use whose file names them (the texts it was trained on) and
     * the list holds them all: given them as the list holds them.
     */
    public void setOnModelBooks(Consumer<List<Path>> pick) {
        pickModelBooks = pick;
    }

    /**
     * What shows the books in use again (picked in the list, without reading them again) when the books chosen are
     * refused (a binary or empty file): given the books in use, none before a corpus is read.
     */
    public void setOnRefused(Consumer<List<Path>> showInUse) {
        this.showInUse = showInUse;
    }

    private List<Path> trainedOn(CorpusInfo trainedOn) {
        List<String> names = trainedOn.books() == null ? List.of(trainedOn.name())
                : trainedOn.books().stream().map(CorpusInfo.BookInfo::name).toList();
        List<Path> found = names.stream().flatMap(name -> available.stream()
                .filter(p -> p.getFileName().toString().equals(name)).limit(1)).toList();
        return found.size() == names.size() ? found : List.of();
    }

    /**
     * The books as the list holds them: those opened as files (or dropped) that it does not hold yet join it, under
     * their file names, and stay in it.
     */
    public List<Path> listed(List<Path> books) {
        List<Path> listed = new ArrayList<>();
        for (Path book : books) {
            Path file = book.toAbsolutePath().normalize();
            Path same = available.stream().filter(p -> p.toAbsolutePath().normalize().equals(file)).findFirst()
                    .orElse(null);
            if (same == null) {
                opened.add(file);
                available.add(file);
            }
            listed.add(same == null ? file : same);
        }
        return listed;
    }

    /** What the Books list shows for a book: its title and author, else its file name. */
    public String label(Path book) {
        return labels.getOrDefault(book, book.getFileName().toString());
    }

    public void refreshAvailable() {
        available.clear();
        labels.clear();
        addBooks(session.corporaFolder());
        addBooks(libraryFolder);
        opened.stream().filter(book -> !available.contains(book)).forEach(available::add);
    }

    private void addBooks(Path folder) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        Map<String, BookIndex.Label> index = BookIndex.read(folder);
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> books = files.filter(p -> p.getFileName().toString().endsWith(".txt")).toList();
            for (Path book : books) {
                String name = book.getFileName().toString();
                labels.put(book, index.containsKey(name) ? index.get(name).toString() : name);
            }
            available.addAll(books.stream().sorted(Comparator.comparing(this::label, String.CASE_INSENSITIVE_ORDER))
                    .toList());
        } catch (IOException e) {
            session.messages().error("Cannot list " + folder + ": " + e.getMessage());
        }
    }

    /** The files of the corpus in use, empty before one is loaded. */
    public List<Path> books() {
        return shownBooks;
    }

    public void load(Path file) {
        load(List.of(file));
    }

    /**
     * Reads the books (one, or several joined into one corpus) off the FX thread; the corpus becomes the session's
     * when it is ready, unless a later choice has been made meanwhile.
     */
    public void load(List<Path> books) {
        long request = ++latestRequest;
        boolean quiet = quietFor.containsAll(books);
        this.books = List.copyOf(books);
        Cleaning chosen = cleaning.get();
        RecordFormat cut = records.get();
        loading.set(true);
        summary.set("Reading " + books.stream().map(p -> String.valueOf(p.getFileName()))
                .collect(Collectors.joining(", ")) + "…");
        session.background().io(() -> reader.read(books, chosen, cut), corpus -> {
            if (request == latestRequest) {
                shownBooks = List.copyOf(books);
                show(corpus, quiet);
            }
        }, failure -> {
            if (request != latestRequest) {
                return;
            }
            loading.set(false);
            summary.set(session.corpusProperty().get() == null ? "No corpus loaded." : describe(session.corpusProperty().get()));
            refused(books);
            session.messages().failure(failure);
        });
    }

    /**
     * The books refused are not the corpus: the list picks the books in use again, and a file opened from elsewhere
     * that was refused leaves the list rather than stay there as if it could be read.
     */
    private void refused(List<Path> books) {
        this.books = shownBooks;
        showInUse.accept(shownBooks);
        List<Path> gone = books.stream().filter(book -> opened.contains(book) && !shownBooks.contains(book)).toList();
        opened.removeAll(gone);
        available.removeAll(gone);
    }

    private void show(Corpus corpus, boolean quiet) {
        loading.set(false);
        session.corpusProperty().set(corpus);
        summary.set(describe(corpus));
        preview.set(readable(corpus.preview()));
        RecordFormat suggested = corpus.isRecords() ? null : RecordFormat.suggest(corpus.preview());
        if (!corpus.isRecords()) {
            suggestedRecords.set(suggested);
        }
        if (quiet) {
            return;
        }
        Cleaning used = corpus.vocabulary().mapper().cleaning();
        session.messages().info("Loaded " + corpus.name() + (used.keepsAsIs() ? "." : " (cleaning: " + used + ").")
                + (suggested == null ? "" : " It looks like a list (" + suggested.describe() + "): tick Records under"
                + " the preview to learn each item on its own."));
    }

    /**
     * The start of the book as a reader would look at it: without the blank lines before its first words, and each
     * run of blank lines (a title page's) made one, so that the preview shows text rather than empty space.
     */
    static String readable(String start) {
        return start.replaceAll("\\A(?:[ \\t]*\\R)+", "").replaceAll("(?:(?>\\R)[ \\t]*){3,}", "\n\n");
    }

    static String describe(Corpus corpus) {
        String rarest = corpus.rarest().stream().map(c -> c.character() + "×" + c.count())
                .collect(Collectors.joining("  "));
        String books = corpus.books().size() < 2 ? "" : String.format("%nBooks: %s (validation: the last %.0f%% of each)",
                corpus.shares(), 100 * BatchSource.VALIDATION_SHARE);
        String records = !corpus.isRecords() ? "" : String.format("%nRecords: %,d, %s",
                app.scribe.corpus.RecordText.of(corpus).count(), corpus.records().describe());
        return String.format("%s%n%,d bytes · %,d characters · %d distinct · %s%s%s%s%nRarest: %s%nUnigram entropy %.2f nats/char",
                corpus.name(), corpus.fileBytes(), corpus.length(), corpus.vocabulary().size(),
                corpus.encodingSummary(), corpus.strippedGutenberg() ? " · Gutenberg header removed" : "", books,
                records, rarest, corpus.unigramEntropy());
    }
}
