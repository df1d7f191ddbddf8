package app.scribe.ui.generate;

import app.scribe.ui.common.Exports;

import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableIntegerValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.List;

/**
 * The list of texts the Generate tab shows to choose from (ranked samples, or generated records), each with a star
 * the user sets on the ones to keep; the starred ones are exported together. FX thread only. Fill it with
 * {@link #show}; the view is {@link TextListView}.
 */
public final class TextList {
    /** A text of the list and its star. */
    public static final class Entry {
        private final ListedText text;
        private final BooleanProperty starred = new SimpleBooleanProperty(false);

        Entry(ListedText text) {
            this.text = text;
        }

        public ListedText text() {
            return text;
        }

        public BooleanProperty starredProperty() {
            return starred;
        }
    }

    private final ObservableList<Entry> entries = FXCollections.observableArrayList(
            entry -> new javafx.beans.Observable[]{entry.starredProperty()});
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ObservableIntegerValue starredCount = Bindings.createIntegerBinding(
            () -> (int) entries.stream().filter(e -> e.starredProperty().get()).count(), entries);

    public ObservableList<Entry> entries() {
        return entries;
    }

    /**
     * Replaces the list by {@code texts}, in that order, none starred, with a line saying what they are ("20
     * samples, ranked by ...", "20 records: 17 new, 3 copied"); the Generate tab then shows the list.
     */
    public void show(List<ListedText> texts, String about) {
        entries.setAll(texts.stream().map(Entry::new).toList());
        status.set(about);
    }

    /** What the texts shown are, in one line. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ObservableIntegerValue starredCount() {
        return starredCount;
    }

    /** The starred texts, in the list's order, separated by a blank line (as {@code generate --samples} prints). */
    public String starredText() {
        List<String> starred = entries.stream().filter(e -> e.starredProperty().get()).map(e -> e.text().text())
                .toList();
        return starred.isEmpty() ? "" : String.join("\n\n", starred) + "\n";
    }

    /** Writes the starred texts to {@code file} through the atomic writer; off the FX thread. */
    public static Path export(String starredText, Path file) {
        return Exports.writeText(starredText, file);
    }
}
