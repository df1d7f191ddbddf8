package app.scribe.ui.books;

import app.scribe.ui.common.Session;

import app.scribe.corpus.Cleaning;
import app.scribe.corpus.Corpus;
import app.scribe.corpus.GutenbergStripper;
import app.scribe.corpus.Vocabulary;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The cleaning panel: what stripping removed from each book, which characters are rare, and the user's
 * {@link Cleaning}, which the corpus pane applies by reading the books again off the FX thread. A loaded model's
 * cleaning becomes the panel's, so that its book reads as it learnt it.
 */
public final class CleaningViewModel {
    /** Rare characters named; the rest are only counted. */
    private static final int RARE_SHOWN = 40;

    private final Session session;
    private final CorpusViewModel corpus;
    private final BooleanProperty ascii = new SimpleBooleanProperty();
    private final BooleanProperty lowercase = new SimpleBooleanProperty();
    private final BooleanProperty rare = new SimpleBooleanProperty();
    private final ObjectProperty<Integer> rareBelow = new SimpleObjectProperty<>(Cleaning.DEFAULT_RARE_BELOW);
    private final ReadOnlyStringWrapper removed = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper rareCharacters = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper vocabulary = new ReadOnlyStringWrapper("");
    /** While a whole cleaning is shown, its options are set one by one: the books are read once, at the end. */
    private boolean showing;

    public CleaningViewModel(Session session, CorpusViewModel corpus) {
        this.session = session;
        this.corpus = corpus;
        ascii.addListener((obs, old, now) -> choose());
        lowercase.addListener((obs, old, now) -> choose());
        rare.addListener((obs, old, now) -> choose());
        rareBelow.addListener((obs, old, now) -> {
            choose();
            describe(session.corpusProperty().get());
        });
        session.corpusProperty().addListener((obs, old, now) -> describe(now));
        session.modelProperty().addListener((obs, old, now) -> {
            if (now != null) {
                show(now.vocabulary().mapper().cleaning());
            }
        });
        describe(session.corpusProperty().get());
    }

    public BooleanProperty asciiProperty() { return ascii; }
    public BooleanProperty lowercaseProperty() { return lowercase; }
    public BooleanProperty rareProperty() { return rare; }
    public ObjectProperty<Integer> rareBelowProperty() { return rareBelow; }
    public ReadOnlyStringProperty removedProperty() { return removed.getReadOnlyProperty(); }
    public ReadOnlyStringProperty rareCharactersProperty() { return rareCharacters.getReadOnlyProperty(); }
    public ReadOnlyStringProperty vocabularyProperty() { return vocabulary.getReadOnlyProperty(); }

    /** Every option off: the text as it is. */
    public void keepAsIs() {
        show(Cleaning.KEEP);
    }

    private void show(Cleaning cleaning) {
        showing = true;
        ascii.set(cleaning.ascii());
        lowercase.set(cleaning.lowercase());
        rare.set(cleaning.rareBelow() > 0);
        if (cleaning.rareBelow() > 0) {
            rareBelow.set(cleaning.rareBelow());
        }
        showing = false;
        choose();
    }

    private void choose() {
        if (showing) {
            return;
        }
        Integer n = rareBelow.get();
        boolean rareOn = rare.get() && n != null && n >= 2;
        corpus.cleaningProperty().set(new Cleaning(ascii.get(), lowercase.get(), rareOn ? n : 0));
    }

    private void describe(Corpus shown) {
        if (shown == null) {
            removed.set("Pick a book to see what cleaning changes.");
            rareCharacters.set("");
            vocabulary.set("");
            return;
        }
        removed.set(shown.books().stream().map(CleaningViewModel::removal).collect(Collectors.joining("\n")));
        var mapper = shown.vocabulary().mapper();
        int n = rareBelow.get() == null ? Cleaning.DEFAULT_RARE_BELOW : rareBelow.get();
        if (mapper.hasPlaceholder()) {
            rareCharacters.set(String.format("Mapped to the placeholder %s: %s",
                    Vocabulary.describeWithCodePoint(mapper.placeholder()), counts(shown.cleaning().replaced())));
        } else {
            List<Corpus.CharCount> few = shown.seenFewerThan(n);
            rareCharacters.set(few.isEmpty() ? "No character is seen fewer than " + n + " times."
                    : "Seen fewer than " + n + " times: " + counts(few));
        }
        int asIs = shown.cleaning().vocabularyAsIs();
        int now = shown.vocabulary().size();
        vocabulary.set(String.format("Vocabulary: %d characters%s", now, asIs == now ? "" : " (" + asIs + " as is)"));
    }

    private static String counts(List<Corpus.CharCount> counts) {
        String named = counts.stream().limit(RARE_SHOWN).map(c -> c.character() + "×" + c.count())
                .collect(Collectors.joining("  "));
        return counts.size() <= RARE_SHOWN ? named : named + String.format(" and %d more", counts.size() - RARE_SHOWN);
    }

    /** "grimm.txt: removed a header of 23 lines (from “The Project…” to “*** START…”) and a footer of …". */
    private static String removal(Corpus.Book book) {
        GutenbergStripper.Removal removal = book.removed();
        if (!removal.removedAnything()) {
            return book.name() + ": nothing removed (no Project Gutenberg header).";
        }
        return String.format("%s: removed a header of %s and a footer of %s.", book.name(),
                lines(removal.header()), lines(removal.footer()));
    }

    private static String lines(GutenbergStripper.RemovedLines lines) {
        return lines.lines() == 0 ? "0 lines" : String.format("%d line%s (from “%s” to “%s”)", lines.lines(),
                lines.lines() == 1 ? "" : "s", lines.first(), lines.last());
    }

    /** A bad number typed in one of the cleaning fields, said in the message bar. */
    public void reject(String sentence) {
        session.messages().error(sentence);
    }
}
