package app.scribe.ui;

import app.scribe.ScribeException;
import app.scribe.model.CharModel;
import app.scribe.model.Generator;
import app.scribe.model.Sampler;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.util.Duration;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The generation pane. Sampling runs on the generation thread against a private copy of the model; characters
 * collect in a buffer that a timeline moves into {@link #continuationProperty()} a few times a second.
 */
public final class GenerationViewModel {
    private final Session session;
    private final TrainingViewModel training;
    private final StringProperty prompt = new SimpleStringProperty("");
    private final ObjectProperty<Integer> length = new SimpleObjectProperty<>(400);
    private final BooleanProperty greedy = new SimpleBooleanProperty(false);
    private final DoubleProperty temperature = new SimpleDoubleProperty(1.0);
    private final StringProperty seed = new SimpleStringProperty("1");
    private final ReadOnlyStringWrapper shownPrompt = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper continuation = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper generating = new ReadOnlyBooleanWrapper(false);

    private final StringBuffer pending = new StringBuffer();
    private final Timeline pump = new Timeline(new KeyFrame(Duration.millis(50), e -> flush()));
    private final AtomicBoolean cancelled = new AtomicBoolean();

    public GenerationViewModel(Session session, TrainingViewModel training) {
        this.session = session;
        this.training = training;
        pump.setCycleCount(Timeline.INDEFINITE);
    }

    public StringProperty promptProperty() { return prompt; }
    public ObjectProperty<Integer> lengthProperty() { return length; }
    public BooleanProperty greedyProperty() { return greedy; }
    public DoubleProperty temperatureProperty() { return temperature; }
    public StringProperty seedProperty() { return seed; }
    public ReadOnlyStringProperty shownPromptProperty() { return shownPrompt.getReadOnlyProperty(); }
    public ReadOnlyStringProperty continuationProperty() { return continuation.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty generatingProperty() { return generating.getReadOnlyProperty(); }

    public void generate() {
        if (generating.get()) {
            return;
        }
        Session.ModelState state = session.modelProperty().get();
        if (state == null) {
            session.messages().error("There is no model yet: train one or load one.");
            return;
        }
        String text = prompt.get() == null ? "" : prompt.get();
        int n = length.get();
        Sampler sampler;
        long seedValue;
        try {
            seedValue = parseSeed();
            sampler = greedy.get() ? Sampler.greedy() : Sampler.temperature(temperature.get());
            new Generator(state.model(), state.vocabulary()).encodePrompt(text);
        } catch (ScribeException e) {
            session.messages().error(e.getMessage());
            return;
        }
        cancelled.set(false);
        pending.setLength(0);
        shownPrompt.set(text);
        continuation.set("");
        generating.set(true);
        pump.play();
        CompletableFuture<CharModel> model = training.modelForGeneration();
        model.thenAcceptAsync(copy -> new Generator(copy, state.vocabulary())
                                .generate(text, n, sampler, seedValue, pending::append, cancelled::get),
                        session.background().generation())
                .whenComplete((ok, failure) -> Background.onFx(() -> done(failure)));
    }

    public void stop() {
        cancelled.set(true);
    }

    private long parseSeed() {
        try {
            return Long.parseLong(seed.get().trim());
        } catch (NumberFormatException e) {
            throw new ScribeException("seed must be a whole number (got '" + seed.get() + "').");
        }
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
        generating.set(false);
        if (failure != null) {
            session.messages().failure(failure);
        }
    }
}
