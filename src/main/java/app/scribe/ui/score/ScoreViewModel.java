package app.scribe.ui.score;

import app.scribe.ui.common.RateFormat;
import app.scribe.ui.common.BackgroundWork;
import app.scribe.ui.common.ProgressPump;
import app.scribe.ui.common.Session;

import app.scribe.ScribeException;
import app.scribe.analysis.DynamicEvaluation;
import app.scribe.analysis.TextTrace;
import app.scribe.analysis.Tracer;
import app.scribe.corpus.TextFiles;
import javafx.animation.PauseTransition;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import javafx.util.Duration;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The Score tab: any text, typed, pasted or opened, read by the model: bits per character overall and each
 * character's surprise, updated as the user types. Characters the model does not know are shown grey and left out
 * of the score. With dynamic evaluation the model (a private copy) keeps learning from the text as it reads it.
 */
public final class ScoreViewModel {
    /** Files above this size are refused before reading: the scorer takes at most a million characters. */
    public static final long MAX_FILE_BYTES = 8L << 20;

    private final Session session;
    private final StringProperty text = new SimpleStringProperty("");
    private final BooleanProperty dynamic = new SimpleBooleanProperty(false);
    private final StringProperty dynamicRate = new SimpleStringProperty(RateFormat.of(DynamicEvaluation.DEFAULT_RATE));
    private final ReadOnlyObjectWrapper<TextTrace> trace = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper scoring = new ReadOnlyBooleanWrapper(false);
    private final ProgressPump progress = new ProgressPump();
    private final AtomicBoolean cancelled = new AtomicBoolean();

    private final PauseTransition typingPause = new PauseTransition(Duration.millis(400));
    private boolean again;

    public ScoreViewModel(Session session) {
        this.session = session;
        typingPause.setOnFinished(e -> scoreQuietly());
        text.addListener((obs, old, now) -> typingPause.playFromStart());
        // The score belongs to one model's weights: another model, or more training, scores the text again.
        session.modelProperty().addListener((obs, old, now) -> {
            if (now == null) {
                trace.set(null);
                summary.set("");
            } else {
                scoreQuietly();
            }
        });
        session.runsEndedProperty().addListener((obs, old, now) -> scoreQuietly());
        dynamic.addListener((obs, old, now) -> scoreQuietly());
    }

    public StringProperty textProperty() { return text; }
    /** Whether the model keeps learning from the text as it scores it (dynamic evaluation). */
    public BooleanProperty dynamicProperty() { return dynamic; }
    /** The learning rate of dynamic evaluation, as typed. */
    public StringProperty dynamicRateProperty() { return dynamicRate; }
    public ReadOnlyObjectProperty<TextTrace> traceProperty() { return trace.getReadOnlyProperty(); }
    public ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty scoringProperty() { return scoring.getReadOnlyProperty(); }
    /** Whether the scoring has run long enough to show its progress. */
    public ReadOnlyBooleanProperty progressShownProperty() { return progress.shownProperty(); }
    /** How far the scoring has come, 0 to 1, updated a few times a second. */
    public ReadOnlyDoubleProperty progressProperty() { return progress.fractionProperty(); }

    public void open(Path file) {
        session.background().io(() -> TextFiles.readText(file, MAX_FILE_BYTES, "scores"), read -> {
            text.set(read);
            typingPause.stop();
            score();
        }, session.messages()::failure);
    }

    public void score() {
        Session.ModelState state = session.modelOrExplain();
        if (state == null) {
            return;
        }
        String source = text.get() == null ? "" : text.get();
        if (source.isEmpty()) {
            session.messages().error("There is no text to score: type, paste or open one.");
            return;
        }
        DynamicEvaluation learning;
        try {
            learning = learning();
        } catch (ScribeException e) {
            session.messages().error(refused(e));
            return;
        }
        start(state, source, learning);
    }

    /** Scoring as the user types: after a pause in typing, when there is a model and a text; no messages. */
    private void scoreQuietly() {
        Session.ModelState state = session.modelProperty().get();
        String source = text.get() == null ? "" : text.get();
        if (state == null || source.isEmpty()) {
            return;
        }
        if (scoring.get()) {
            again = !cancelled.get(); // after Stop, nothing starts the text over by itself
            return;
        }
        DynamicEvaluation learning;
        try {
            learning = learning();
        } catch (ScribeException e) {
            refused(e);
            return;
        }
        start(state, source, learning);
    }

    /** The dynamic evaluation the form asks for, or null; a rate that is not a number in range is refused. */
    private DynamicEvaluation learning() {
        if (!dynamic.get()) {
            return null;
        }
        String typed = dynamicRate.get() == null ? "" : dynamicRate.get().trim();
        try {
            return DynamicEvaluation.at(Double.parseDouble(typed));
        } catch (NumberFormatException e) {
            throw new ScribeException("The dynamic evaluation's rate must be a number such as 1e-4 (got '" + typed
                    + "').");
        }
    }

    /**
     * The form's rate is refused: the result shown, scored with another rate, goes, and the summary says why there
     * is none; the sentence, with a capital, is returned.
     */
    private String refused(ScribeException problem) {
        String sentence = ScribeException.opening(problem.getMessage());
        trace.set(null);
        summary.set("Not scored: " + sentence);
        return sentence;
    }

    /** Stops the scoring under way; the part read so far is shown. */
    public void stop() {
        cancelled.set(true);
        again = false;
    }

    private void start(Session.ModelState state, String source, DynamicEvaluation learning) {
        scoring.set(true);
        cancelled.set(false);
        progress.start();
        String text = state.vocabulary().prepare(source);
        session.modelCopy().thenApplyAsync(copy -> new Tracer(copy, state.vocabulary(), learning)
                        .trace("", text, false, progress, cancelled::get), session.background().generation())
                .whenComplete((read, failure) -> BackgroundWork.onFx(() -> {
                    progress.stop();
                    scoring.set(false);
                    if (again) {
                        again = false;
                        scoreQuietly();
                    }
                    if (failure != null) {
                        session.messages().failure(failure);
                        return;
                    }
                    trace.set(read);
                    summary.set(describe(read, text.codePointCount(0, text.length()))
                            + (learning == null ? "" : " · learning as it reads, rate " + learning.rate()));
                }));
    }

    private static String describe(TextTrace read, int length) {
        var score = read.score();
        String stopped = read.length() < length
                ? String.format(Locale.ROOT, "Stopped after %,d of %,d characters · ", read.length(), length) : "";
        return String.format(Locale.ROOT, "%s%,d characters · %.3f bits per character%s", stopped, score.known(),
                score.bitsPerCharacter(), score.unknown() == 0 ? ""
                        : " · " + score.unknown() + (score.unknown() == 1 ? " character" : " characters")
                        + " the model does not know (grey) left out");
    }
}
