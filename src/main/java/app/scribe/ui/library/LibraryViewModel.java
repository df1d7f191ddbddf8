package app.scribe.ui.library;

import app.scribe.ui.books.CorpusViewModel;
import app.scribe.ui.common.Messages;
import app.scribe.ui.common.ProgressPump;
import app.scribe.ui.common.Session;

import app.scribe.ScribeException;
import app.scribe.library.Cancellation;
import app.scribe.library.Catalog;
import app.scribe.library.CatalogEntry;
import app.scribe.library.Fetcher;
import app.scribe.library.Library;
import app.scribe.library.LibrarySettings;
import app.scribe.library.Mirror;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * The library window: searching Project Gutenberg's catalog (fetched on first use) and downloading books into the
 * library, one at a time, on the library's thread; progress reaches the window a few times a second. A downloaded
 * book joins the Books list.
 */
public final class LibraryViewModel {
    /** More results than anyone reads; the search words narrow them. */
    static final int MAX_RESULTS = 500;

    private final Session session;
    private final CorpusViewModel corpus;
    private final Path folder;
    private final Fetcher fetcher;
    private Library library;
    private Catalog catalog;
    private Cancellation cancellation;
    private final StringProperty mirror = new SimpleStringProperty();
    private final StringProperty query = new SimpleStringProperty("");
    private final StringProperty language = new SimpleStringProperty("");
    private final ObservableList<CatalogEntry> results = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ProgressPump progress = new ProgressPump();

    public LibraryViewModel(Session session, CorpusViewModel corpus, Path folder, Fetcher fetcher) {
        this.session = session;
        this.corpus = corpus;
        this.folder = folder;
        this.fetcher = fetcher;
        Mirror saved = LibrarySettings.mirror(folder);
        library = new Library(folder, saved, fetcher);
        mirror.set(saved.toString());
        status.set(library.hasCatalog() ? "Search the catalog by title, author or subject."
                : "Search to fetch Project Gutenberg's catalog (a few MB, once); then searching is instant.");
        query.addListener((obs, old, now) -> searchLoaded());
        language.addListener((obs, old, now) -> searchLoaded());
    }

    public StringProperty mirrorProperty() { return mirror; }
    public StringProperty queryProperty() { return query; }
    /** A language code (en, fr, ...); blank for any. */
    public StringProperty languageProperty() { return language; }
    public ObservableList<CatalogEntry> results() { return results; }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    /** Whether the download has run long enough to show its progress. */
    public ReadOnlyBooleanProperty progressShownProperty() { return progress.shownProperty(); }
    /** Bytes received of the total, 0 to 1, updated four times a second. */
    public ReadOnlyDoubleProperty progressProperty() { return progress.fractionProperty(); }

    /** Searches the catalog, fetching (or reading) it first when this window has none yet. */
    public void search() {
        if (catalog != null) {
            searchLoaded();
        } else if (!busy.get()) {
            run(library.hasCatalog() ? "Reading the catalog…" : "Downloading the catalog…",
                    (from, cancel) -> from.catalog(progress, cancel), this::useCatalog);
        }
    }

    public void refreshCatalog() {
        if (!busy.get()) {
            run("Downloading the catalog…", (from, cancel) -> from.refreshCatalog(progress, cancel), this::useCatalog);
        }
    }

    public void download(CatalogEntry entry) {
        if (entry == null || busy.get()) {
            return;
        }
        run("Downloading “" + entry.title() + "”…", (from, cancel) -> from.get(entry.id(), progress, cancel), file -> {
            corpus.refreshAvailable();
            status.set("“" + entry.title() + "” is in the library and in the Books list.");
            session.messages().info("Downloaded " + entry.title() + ".");
        });
    }

    public void cancel() {
        if (cancellation != null) {
            cancellation.cancel();
        }
    }

    /** Takes the mirror field's address, remembering it; false (with a message) when it is not one. */
    public boolean applyMirror() {
        try {
            Mirror chosen = Mirror.of(mirror.get());
            if (!chosen.equals(library.mirror())) {
                library = new Library(folder, chosen, fetcher);
                LibrarySettings.saveMirror(folder, chosen);
            }
            return true;
        } catch (ScribeException e) {
            status.set(e.getMessage());
            return false;
        } catch (IOException e) {
            status.set("The mirror is used, but could not be remembered: " + e.getMessage());
            return true;
        }
    }

    private void useCatalog(Catalog loaded) {
        catalog = loaded;
        searchLoaded();
    }

    /** Searching the catalog in memory takes milliseconds, so it runs as the user types. */
    private void searchLoaded() {
        if (catalog == null || busy.get()) {
            return;
        }
        results.setAll(catalog.search(query.get(), language.get(), MAX_RESULTS));
        status.set(results.size() == MAX_RESULTS ? "The first " + MAX_RESULTS + " matches; more words narrow them."
                : String.format("%,d of %,d texts match.", results.size(), catalog.size()));
    }

    private <T> void run(String doing, BiFunction<Library, Cancellation, T> work, Consumer<T> done) {
        if (!applyMirror()) {
            return;
        }
        Library from = library;
        Cancellation cancel = new Cancellation();
        cancellation = cancel;
        busy.set(true);
        status.set(doing);
        progress.start();
        session.background().library(() -> work.apply(from, cancel), value -> {
            finish();
            done.accept(value);
        }, failure -> {
            finish();
            String sentence = Messages.describe(failure);
            status.set(sentence);
            if (cancel.isCancelled()) {
                session.messages().info(sentence);
            } else {
                session.messages().error(sentence);
            }
        });
    }

    private void finish() {
        progress.stop();
        busy.set(false);
        cancellation = null;
    }
}
