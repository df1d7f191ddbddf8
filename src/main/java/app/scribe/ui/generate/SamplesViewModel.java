package app.scribe.ui.generate;

import app.scribe.ui.common.BackgroundWork;
import app.scribe.ui.common.ProgressPump;
import app.scribe.ui.common.Session;

import app.scribe.ScribeException;
import app.scribe.analysis.VerbatimIndex;
import app.scribe.corpus.Corpus;
import app.scribe.generation.CopyLimit;
import app.scribe.generation.Generator;
import app.scribe.generation.Samples;
import app.scribe.generation.SamplingSettings;
import app.scribe.generation.StopRule;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * "Write 20": twenty samples written with the form's settings (seeds seed to seed+19) on the generation thread
 * against a private copy of the model, with progress and a Stop, then ranked ({@link Samples#ranked}: by bits per
 * character and by the longest span found in the open books) into the {@link TextList}, where the user stars the
 * ones to keep and exports them.
 */
public final class SamplesViewModel {
    public static final int COUNT = 20;
    public static final String STOPPED_BEFORE_ANY = "Write 20 stopped before its first sample was finished.";

    private final Session session;
    private final GenerationForm form;
    private final VerbatimIndex.Cache books;
    private final TextList list = new TextList();
    private final ReadOnlyBooleanWrapper writing = new ReadOnlyBooleanWrapper(false);
    private final ProgressPump progress = new ProgressPump();
    private final AtomicBoolean cancelled = new AtomicBoolean();

    public SamplesViewModel(Session session, GenerationForm form, VerbatimIndex.Cache books) {
        this.session = session;
        this.form = form;
        this.books = books;
    }

    public TextList list() { return list; }
    public ReadOnlyBooleanProperty writingProperty() { return writing.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty progressShownProperty() { return progress.shownProperty(); }
    public ReadOnlyDoubleProperty progressProperty() { return progress.fractionProperty(); }

    public void stop() {
        cancelled.set(true);
    }

    /** Writes {@value #COUNT} samples in the background and shows them ranked. */
    public void write() {
        if (writing.get() || form.beamWidthProperty().get() > 0 || form.problems().refuse()) {
            return;
        }
        Session.ModelState state = session.modelOrExplain();
        if (state == null) {
            return;
        }
        String prompt = state.vocabulary().prepare(form.typedPrompt());
        int length = form.lengthProperty().get();
        int maxCopy = form.maxCopyProperty().get();
        Corpus corpus = session.corpusProperty().get();
        SamplingSettings settings;
        long seed;
        StopRule stop = form.stopRule();
        try {
            seed = form.parseSeed();
            settings = form.samplingSettings();
            new Generator(state.model(), state.vocabulary()).encodePrompt(prompt);
        } catch (ScribeException e) {
            session.messages().error(e.getMessage());
            return;
        }
        if (maxCopy > 0 && corpus == null) {
            session.messages().error(GenerationViewModel.NO_BOOK);
            return;
        }
        cancelled.set(false);
        writing.set(true);
        progress.start();
        session.modelCopy().thenApplyAsync(copy -> {
            VerbatimIndex index = corpus == null ? null : books.of(corpus, state.vocabulary());
            CopyLimit limit = maxCopy == 0 ? null : new CopyLimit(maxCopy, index::followers);
            return Samples.write(new Generator(copy, state.vocabulary()), prompt, length, settings, seed, COUNT,
                    stop, limit, index == null ? null : index::longestCopy, progress, cancelled::get);
        }, session.background().generation()).whenComplete((written, failure) -> BackgroundWork.onFx(() -> {
            progress.stop();
            writing.set(false);
            if (failure != null) {
                session.messages().failure(failure);
                return;
            }
            shown(written, corpus, maxCopy);
        }));
    }

    /** Ranks and lists the samples; stopped before the first was finished, keeps the list as it was. */
    private void shown(List<Samples.Sample> written, Corpus corpus, int maxCopy) {
        if (written.isEmpty()) {
            session.messages().info(STOPPED_BEFORE_ANY);
            return;
        }
        int redrawn = written.stream().mapToInt(Samples.Sample::redrawn).sum();
        String ranking = corpus == null ? "ranked by bits/char (no book open to measure novelty)"
                : "ranked by bits/char and by the longest span found in " + corpus.name();
        String copying = maxCopy == 0 ? "" : String.format(Locale.ROOT, " · copying at most %d characters: %d"
                + " redrawn", maxCopy, redrawn);
        String stopped = written.size() < COUNT ? " (stopped)" : "";
        list.show(Samples.ranked(written).stream().map(ListedText::of).toList(), String.format(Locale.ROOT,
                "%d samples%s, %s%s", written.size(), stopped, ranking, copying));
    }

    /** Writes the starred samples to {@code file} (the export button's choice) through the atomic writer. */
    public void exportStarred(Path file) {
        String text = list.starredText();
        if (text.isEmpty()) {
            session.messages().error("Star the samples to keep first: there is none to export.");
            return;
        }
        long count = list.entries().stream().filter(e -> e.starredProperty().get()).count();
        session.background().io(() -> TextList.export(text, file), path -> session.messages().info(
                "Exported " + count + " starred texts to " + path.getFileName() + "."), session.messages()::failure);
    }
}
