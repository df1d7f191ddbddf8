package app.scribe.ui.write;

import app.scribe.ui.common.BackgroundWork;
import app.scribe.ui.common.FieldProblems;
import app.scribe.ui.common.Session;
import app.scribe.ui.score.ScoreViewModel;
import app.scribe.ui.training.TrainingViewModel;

import app.scribe.ScribeException;
import app.scribe.analysis.VerbatimIndex;
import app.scribe.corpus.Corpus;
import app.scribe.corpus.TextFiles;
import app.scribe.corpus.Vocabulary;
import app.scribe.generation.CopyLimit;
import app.scribe.generation.SamplingSettings;
import app.scribe.writing.Completer;
import app.scribe.writing.Completion;
import app.scribe.writing.CompletionSearch;
import app.scribe.writing.Until;
import javafx.animation.PauseTransition;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.util.Duration;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Write tab: after a short pause in typing, the model suggests how the text goes on at the caret (the ghost
 * text) and ranks a few alternatives. Suggestions are computed on their own thread against a private copy of the
 * model, whose state follows the text ({@link Completer}); one that arrives after the text or the caret has moved on
 * is dropped, and the search under way is cancelled. Typing the ghost's next character keeps the rest of it.
 */
public final class WriteViewModel {
    /** The pause in typing after which a suggestion is asked for. */
    static final Duration PAUSE = Duration.millis(150);
    public static final String NO_MODEL = "There is no model yet: train one or load one, and it will suggest as you write.";
    public static final String UNTRAINED = "The model has not been trained yet, so it has nothing to suggest: train it first.";
    /** While training runs, the copy of the model that suggests is renewed at most this often. */
    private static final long REFRESH_WHILE_TRAINING_NANOS = 30_000_000_000L;

    /** How suggestions are found. */
    public enum Strategy {
        GREEDY("greedy"), BEAM("beam search"), VARIED("varied");

        private final String label;

        Strategy(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private final Session session;
    private final TrainingViewModel training;
    private final VerbatimIndex.Cache books;
    /** The most characters a suggestion may copy verbatim from the open books, with the text before it; 0: no limit. */
    private final ObjectProperty<Integer> maxCopy = new SimpleObjectProperty<>(0);
    private final StringProperty text = new SimpleStringProperty("");
    private final ObjectProperty<Until.Kind> until = new SimpleObjectProperty<>(Until.Kind.WORD);
    private final ObjectProperty<Integer> characters = new SimpleObjectProperty<>(20);
    private final ObjectProperty<Strategy> strategy = new SimpleObjectProperty<>(Strategy.GREEDY);
    private final ObjectProperty<Double> temperature = new SimpleObjectProperty<>(1.0);
    private final ObjectProperty<Double> topP = new SimpleObjectProperty<>(0.9);
    private final ReadOnlyStringWrapper ghost = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper hint = new ReadOnlyStringWrapper("");
    private final ObservableList<Completion> alternatives = FXCollections.observableArrayList();
    private final PauseTransition pause = new PauseTransition(PAUSE);
    private final AtomicLong latestRequest = new AtomicLong();
    private final FieldProblems problems;

    private String shownText = "";
    private int shownCaret;
    private CompletableFuture<Completer> completer;
    private Session.ModelState completerModel;
    private long completerCopiedAt;
    private long seed;

    public WriteViewModel(Session session, TrainingViewModel training, VerbatimIndex.Cache books) {
        this.session = session;
        this.problems = new FieldProblems(session.messages());
        this.training = training;
        this.books = books;
        pause.setOnFinished(e -> suggest());
        session.modelProperty().addListener((obs, old, now) -> forgetModel());
        training.phaseProperty().addListener((obs, old, now) -> forgetModel());
        until.addListener((obs, old, now) -> edited(shownText, shownCaret, true));
        characters.addListener((obs, old, now) -> edited(shownText, shownCaret, true));
        strategy.addListener((obs, old, now) -> edited(shownText, shownCaret, true));
        maxCopy.addListener((obs, old, now) -> edited(shownText, shownCaret, true));
    }

    public StringProperty textProperty() { return text; }
    public ObjectProperty<Until.Kind> untilProperty() { return until; }
    /** The length of a suggestion when {@link #untilProperty()} is {@link Until.Kind#CHARACTERS}. */
    public ObjectProperty<Integer> charactersProperty() { return characters; }
    public ObjectProperty<Strategy> strategyProperty() { return strategy; }
    public ObjectProperty<Double> temperatureProperty() { return temperature; }
    public ObjectProperty<Double> topPProperty() { return topP; }
    public ObjectProperty<Integer> maxCopyProperty() { return maxCopy; }
    /** What is wrong with the numbers typed in the settings; no suggestion is made while it is not empty. */
    public FieldProblems problems() { return problems; }
    /** The suggestion shown after the caret; empty when there is none. */
    public ReadOnlyStringProperty ghostProperty() { return ghost.getReadOnlyProperty(); }
    /** Why there is no suggestion, or what the model skipped; empty when all is well. */
    public ReadOnlyStringProperty hintProperty() { return hint.getReadOnlyProperty(); }
    /** The likeliest completions at the caret, likeliest first; the ghost is the first. */
    public ObservableList<Completion> alternatives() { return alternatives; }

    /**
     * The editor's text or caret changed. When the change typed the start of the ghost at the caret (a character
     * the user typed, or the part of it accepted), the rest of the ghost stays; any other change drops it and asks
     * for a new suggestion after a pause.
     */
    public void edited(String newText, int caret) {
        edited(newText, caret, false);
    }

    private void edited(String newText, int caret, boolean settingsChanged) {
        if (!settingsChanged && newText.equals(shownText) && caret == shownCaret) {
            return;
        }
        String typed = typedAtCaret(newText);
        if (!settingsChanged && typed != null && !typed.isEmpty() && ghost.get().startsWith(typed)
                && (caret == shownCaret || caret == shownCaret + typed.length())) {
            // The caret moves after the text does: expect it just after what was typed.
            shownText = newText;
            shownCaret = shownCaret + typed.length();
            ghost.set(ghost.get().substring(typed.length()));
            alternatives.clear();
            if (!ghost.get().isEmpty()) {
                return;
            }
        } else {
            shownText = newText;
            shownCaret = caret;
            dismiss();
        }
        pause.playFromStart();
    }

    /** What {@code newText} inserted at the caret of the shown text, or null when it changed anything else. */
    private String typedAtCaret(String newText) {
        int added = newText.length() - shownText.length();
        if (added <= 0 || shownCaret > shownText.length()
                || !newText.startsWith(shownText.substring(0, shownCaret))
                || !newText.endsWith(shownText.substring(shownCaret))) {
            return null;
        }
        return newText.substring(shownCaret, shownCaret + added);
    }

    /** The whole ghost, to insert at the caret (Tab); empty when there is none. */
    public String acceptAll() {
        return ghost.get();
    }

    /** The ghost up to the end of its first word, to insert at the caret (Ctrl+Right). */
    public String acceptWord() {
        String g = ghost.get();
        int i = 0;
        while (i < g.length() && !Until.isWordCharacter(g.codePointAt(i))) {
            i += Character.charCount(g.codePointAt(i));
        }
        while (i < g.length() && Until.isWordCharacter(g.codePointAt(i))) {
            i += Character.charCount(g.codePointAt(i));
        }
        return g.substring(0, i);
    }

    /** Drops the ghost and the alternatives, and cancels a suggestion under way (Esc). */
    public void dismiss() {
        latestRequest.incrementAndGet();
        pause.stop();
        ghost.set("");
        alternatives.clear();
    }

    /** Makes the chosen alternative the ghost, so that accepting it inserts it. */
    public void choose(Completion alternative) {
        ghost.set(alternative.text());
        alternatives.clear();
    }

    public void open(Path file) {
        session.background().io(() -> TextFiles.readText(file, ScoreViewModel.MAX_FILE_BYTES, "opens"),
                text::set, session.messages()::failure);
    }

    /** Asks for a suggestion at the caret now. */
    public void suggest() {
        Session.ModelState state = session.modelProperty().get();
        if (state == null) {
            hint.set(NO_MODEL);
            return;
        }
        if (state.history().step() == 0) {
            hint.set(UNTRAINED);
            return;
        }
        if (problems.first() != null) {
            hint.set(problems.first());
            return;
        }
        Until extent;
        CompletionSearch search;
        try {
            extent = until.get() == Until.Kind.CHARACTERS ? Until.characters(characters.get())
                    : until.get() == Until.Kind.PHRASE ? Until.PHRASE : Until.WORD;
            search = search();
        } catch (ScribeException e) {
            hint.set(e.getMessage());
            return;
        }
        Corpus corpus = session.corpusProperty().get();
        int limit = maxCopy.get();
        if (limit > 0 && corpus == null) {
            hint.set("Copying at most " + limit + " characters needs the book: open it in Books (or set copy ≤ to 0).");
            return;
        }
        String requestedText = shownText;
        int requestedCaret = Math.min(shownCaret, shownText.length());
        String before = requestedText.substring(0, requestedCaret);
        long request = latestRequest.incrementAndGet();
        completer(state).thenApplyAsync(c -> c.complete(before, extent, CompletionSearch.MAX_SUGGESTIONS,
                        limit == 0 ? search : search.copyingAtMost(new CopyLimit(limit,
                                books.of(corpus, state.vocabulary())::followers)),
                        () -> latestRequest.get() != request), session.background().writing())
                .whenComplete((found, failure) -> BackgroundWork.onFx(() -> {
                    if (latestRequest.get() != request) {
                        return;
                    }
                    if (failure != null) {
                        session.messages().failure(failure);
                        return;
                    }
                    show(found, state.vocabulary(), before);
                    if (limit > 0 && found.redrawn() > 0) {
                        hint.set((hint.get().isEmpty() ? "" : hint.get() + " · ") + found.redrawn()
                                + " characters redrawn to copy at most " + limit + " from " + corpus.name());
                    }
                }));
    }

    private void show(Completer.Suggestions found, Vocabulary vocabulary, String before) {
        hint.set(found.unknown() == 0 ? "" : String.format(Locale.ROOT, found.unknown() == 1
                ? "%d character the model does not know is skipped: %s"
                : "%d characters the model does not know are skipped: %s", found.unknown(),
                Vocabulary.firstOf(vocabulary.unknownCharacters(vocabulary.prepare(before)))));
        List<Completion> completions = found.completions();
        ghost.set(completions.isEmpty() ? "" : completions.get(0).text());
        alternatives.setAll(completions);
    }

    private CompletionSearch search() {
        return switch (strategy.get()) {
            case GREEDY -> CompletionSearch.greedy();
            case BEAM -> CompletionSearch.beam(CompletionSearch.MAX_SUGGESTIONS);
            case VARIED -> CompletionSearch.varied(SamplingSettings.plain().withTemperature(temperature.get())
                    .withTopP(topP.get()), ++seed);
        };
    }

    /** The completer of the current model, made from a fresh copy when the model or its weights changed. */
    private CompletableFuture<Completer> completer(Session.ModelState state) {
        boolean stale = training.isBusy() && System.nanoTime() - completerCopiedAt > REFRESH_WHILE_TRAINING_NANOS;
        if (completer == null || completerModel != state || stale) {
            completerModel = state;
            completerCopiedAt = System.nanoTime();
            completer = session.modelCopy().thenApply(copy -> new Completer(copy, state.vocabulary()));
        }
        return completer;
    }

    /** The model changed, or its weights did (training started, paused or ended): the next suggestion reads anew. */
    private void forgetModel() {
        completer = null;
        hint.set("");
    }
}
