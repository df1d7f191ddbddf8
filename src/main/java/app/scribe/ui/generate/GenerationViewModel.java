package app.scribe.ui.generate;

import app.scribe.ui.common.BackgroundWork;
import app.scribe.ui.common.ProgressPump;
import app.scribe.ui.common.Session;

import app.scribe.ScribeException;
import app.scribe.analysis.NoveltyIndex;
import app.scribe.analysis.TextTrace;
import app.scribe.analysis.Tracer;
import app.scribe.analysis.VerbatimIndex;
import app.scribe.corpus.Corpus;
import app.scribe.corpus.Vocabulary;
import app.scribe.model.CharModel;
import app.scribe.generation.CopyLimit;
import app.scribe.generation.Generator;
import app.scribe.generation.SamplingSettings;
import app.scribe.generation.StopRule;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.util.Duration;

import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The generation pane. Sampling runs on the generation thread against a private copy of the model; characters
 * collect in a buffer that a timeline moves into {@link #continuationProperty()} a few times a second. When a text is
 * complete, the model reads it back ({@link #traceProperty()}: each character's probability and the likeliest
 * alternatives) and the corpus is searched for its longest verbatim span. Every text, and every branch taken from
 * an alternative, is kept in {@link #branches()}.
 */
public final class GenerationViewModel {
    static final String NO_BOOK = "Copying at most some characters from the book needs the book: open it in Books"
            + " (or set Max copy to 0).";
    /** One text in the branch history. */
    public record Branch(String label, String prompt, String continuation) {
        @Override
        public String toString() {
            return label;
        }
    }

    private final Session session;
    private final VerbatimIndex.Cache books;
    private final GenerationForm form;
    private final SamplesViewModel samples;
    private final ReadOnlyStringWrapper shownPrompt = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper continuation = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper generating = new ReadOnlyBooleanWrapper(false);
    private final ProgressPump searchProgress = new ProgressPump();
    private final ReadOnlyObjectWrapper<TextTrace> trace = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<NoveltyIndex.Match> longestCopy = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ObservableList<Branch> branches = FXCollections.observableArrayList();

    private final StringBuffer pending = new StringBuffer();
    private final Timeline pump = new Timeline(new KeyFrame(Duration.millis(50), e -> flush()));
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private Vocabulary shownVocabulary;
    /** What the copy limit did to the text shown, for the summary; empty without a limit. */
    private String copyNote = "";

    public GenerationViewModel(Session session, VerbatimIndex.Cache books) {
        this.session = session;
        this.books = books;
        this.form = new GenerationForm(session.messages());
        this.samples = new SamplesViewModel(session, form, books);
        pump.setCycleCount(Timeline.INDEFINITE);
        // A text shown is the model's that wrote it: another model (loaded, or a new one) takes it off the page.
        session.modelProperty().addListener((obs, old, now) -> {
            if (old != null && (now == null || now.model() != old.model()) && !generating.get()) {
                clearShown();
            }
        });
    }

    private void clearShown() {
        shownPrompt.set("");
        continuation.set("");
        trace.set(null);
        longestCopy.set(null);
        summary.set("");
        copyNote = "";
    }

    /** The session the tab writes with (the Records list asks it for the model and the books). */
    public Session session() { return session; }
    /** The settings the texts are written with. */
    public GenerationForm form() { return form; }
    /** "Write 20" and its list. */
    public SamplesViewModel samples() { return samples; }
    public ReadOnlyStringProperty shownPromptProperty() { return shownPrompt.getReadOnlyProperty(); }
    public ReadOnlyStringProperty continuationProperty() { return continuation.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty generatingProperty() { return generating.getReadOnlyProperty(); }
    /** Whether a beam search is under way and has run long enough to show its progress (its text comes last). */
    public ReadOnlyBooleanProperty searchProgressShownProperty() { return searchProgress.shownProperty(); }
    /** How far the beam search has come, 0 to 1, updated a few times a second. */
    public ReadOnlyDoubleProperty searchProgressProperty() { return searchProgress.fractionProperty(); }
    /** The model's reading of the shown continuation once it is complete; null while generating. */
    public ReadOnlyObjectProperty<TextTrace> traceProperty() { return trace.getReadOnlyProperty(); }
    /** The longest span of the continuation found verbatim in the open corpus, or null. */
    public ReadOnlyObjectProperty<NoveltyIndex.Match> longestCopyProperty() { return longestCopy.getReadOnlyProperty(); }
    public ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }
    public ObservableList<Branch> branches() { return branches; }

    /** The text shown: the prompt and its continuation. */
    public String shownText() {
        return shownPrompt.get() + continuation.get();
    }

    /** The character a vocabulary index of the model that read the shown text ({@link #traceProperty()}) stands for. */
    public String characterOf(int index) {
        return shownVocabulary == null ? "?" : shownVocabulary.charAt(index);
    }

    public void generate() {
        start(form.typedPrompt(), "", form.lengthProperty().get(), form.describe());
    }

    /**
     * Regenerates the shown text from a position on: the continuation is kept up to {@code position} (in
     * characters), the character there becomes {@code replacement}, and the rest is sampled anew with the current
     * settings, to the same length.
     */
    public void branch(int position, String replacement) {
        String kept = continuation.get();
        int cut = kept.offsetByCodePoints(0, Math.min(position, kept.codePointCount(0, kept.length())));
        String prefix = kept.substring(0, cut) + replacement;
        int remaining = Math.max(1, kept.codePointCount(0, kept.length()) - prefix.codePointCount(0, prefix.length()));
        start(shownPrompt.get(), prefix, remaining, "branch at " + position + " → '" + printable(replacement) + "'");
    }

    /** Shows an earlier text of the history again. */
    public void show(Branch branch) {
        if (generating.get() || branch == null
                || (branch.prompt().equals(shownPrompt.get()) && branch.continuation().equals(continuation.get()))) {
            return;
        }
        shownPrompt.set(branch.prompt());
        continuation.set(branch.continuation());
        copyNote = "";
        analyse(branch.prompt(), branch.continuation());
    }

    public void stop() {
        cancelled.set(true);
    }

    private void start(String typedPrompt, String fixedPrefix, int n, String label) {
        if (generating.get() || form.problems().refuse()) {
            return;
        }
        Session.ModelState state = session.modelOrExplain();
        if (state == null) {
            return;
        }
        // Shown as the model reads it: a model trained on cleaned text gets (and shows) the cleaned prompt.
        String promptText = state.vocabulary().prepare(typedPrompt);
        SamplingSettings settings;
        long seedValue;
        StopRule stop = form.stopRule();
        int beam = form.beamWidthProperty().get();
        int maxCopy = beam > 0 ? 0 : form.maxCopyProperty().get();
        try {
            seedValue = form.parseSeed();
            settings = form.samplingSettings();
            new Generator(state.model(), state.vocabulary()).encodePrompt(promptText + fixedPrefix);
        } catch (ScribeException e) {
            session.messages().error(e.getMessage());
            return;
        }
        Corpus corpus = session.corpusProperty().get();
        if (maxCopy > 0 && corpus == null) {
            session.messages().error(NO_BOOK);
            return;
        }
        cancelled.set(false);
        pending.setLength(0);
        clearShown();
        shownPrompt.set(promptText);
        continuation.set(fixedPrefix);
        generating.set(true);
        if (beam > 0) {
            searchProgress.start();
        }
        pump.play();
        String context = promptText + fixedPrefix;
        int[] redrawn = {0};
        session.modelCopy().thenApplyAsync(copy -> {
            Generator generator = new Generator(copy, state.vocabulary());
            if (beam > 0) {
                pending.append(generator.beamSearch(context, n, beam, stop, searchProgress, cancelled::get).text());
            } else {
                CopyLimit limit = maxCopy == 0 ? null
                        : new CopyLimit(maxCopy, books.of(corpus, state.vocabulary())::followers);
                redrawn[0] = generator.generate(context, n, settings, seedValue, stop, limit, pending::append,
                        cancelled::get).redrawn();
            }
            return copy;
        }, session.background().generation()).whenComplete((copy, failure) -> BackgroundWork.onFx(() -> {
            done(failure);
            copyNote = maxCopy == 0 ? "" : String.format(Locale.ROOT, " · copying at most %d characters: %d redrawn",
                    maxCopy, redrawn[0]);
            if (failure == null) {
                Branch branch = new Branch((branches.size() + 1) + ". " + label, promptText, continuation.get());
                branches.add(branch);
                analyse(copy, state.vocabulary(), promptText, continuation.get());
            }
        }));
    }

    private void analyse(String promptText, String text) {
        Session.ModelState state = session.modelProperty().get();
        if (state != null) {
            session.modelCopy().whenComplete((copy, failure) -> {
                if (failure != null) {
                    BackgroundWork.onFx(() -> session.messages().failure(failure));
                } else {
                    analyse(copy, state.vocabulary(), promptText, text);
                }
            });
        }
    }

    /** Reads the text back with the model and looks for it in the corpus, off the FX thread. */
    private void analyse(CharModel model, Vocabulary vocabulary, String promptText, String text) {
        if (text.isEmpty()) {
            return;
        }
        Corpus corpus = session.corpusProperty().get();
        CompletableFuture.supplyAsync(() -> new Tracer(model, vocabulary).trace(promptText, text, false),
                session.background().generation()).whenComplete((read, failure) -> BackgroundWork.onFx(() -> {
                    if (failure != null) {
                        session.messages().failure(failure);
                    } else if (text.equals(continuation.get())) {
                        shownVocabulary = vocabulary;
                        trace.set(read);
                        summary.set(String.format(Locale.ROOT, "%d characters · %.2f bits/char under the model",
                                read.length(), read.score().bitsPerCharacter()) + copyNote);
                        longestCopy.set(null);
                        findLongestCopy(corpus, vocabulary, text);
                    }
                }));
    }

    private void findLongestCopy(Corpus corpus, Vocabulary vocabulary, String text) {
        if (corpus == null) {
            return;
        }
        CompletableFuture.supplyAsync(() -> books.of(corpus, vocabulary).longestMatch(text),
                        session.background().generation())
                .whenComplete((match, failure) -> BackgroundWork.onFx(() -> {
                    if (failure != null) {
                        session.messages().failure(failure);
                    } else if (text.equals(continuation.get()) && longestCopy.get() == null) {
                        longestCopy.set(match);
                        summary.set(summary.get() + " · longest span found verbatim in " + corpus.name() + ": "
                                + match.length() + " characters");
                    }
                }));
    }

    private static String printable(String ch) {
        return ch.equals("\n") ? "\\n" : ch;
    }

    private void flush() {
        if (pending.length() > 0) {
            String chunk;
            synchronized (pending) {
                chunk = pending.toString();
                pending.setLength(0);
            }
            continuation.set(continuation.get() + chunk);
        }
    }

    private void done(Throwable failure) {
        flush();
        pump.stop();
        searchProgress.stop();
        generating.set(false);
        if (failure != null) {
            session.messages().failure(failure);
        }
    }
}
