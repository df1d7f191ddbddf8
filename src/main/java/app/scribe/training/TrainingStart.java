package app.scribe.training;

import app.scribe.corpus.Corpus;
import app.scribe.corpus.CorpusInfo;
import app.scribe.corpus.Vocabulary;
import app.scribe.model.CharModel;
import app.scribe.model.Engines;
import app.scribe.model.Hyperparameters;
import app.scribe.model.MemoryEstimate;

import java.util.function.Consumer;

/**
 * The one way a training starts, for the command line and the app alike: a new model on an engine, or a model
 * continued after the resume check; its trainer on a plan; its checkpoints to a held {@link CheckpointOutput}.
 */
public final class TrainingStart implements AutoCloseable {
    /** A model with what it was trained on: its vocabulary, its corpus's fingerprint and its history. */
    public record Subject(CharModel model, Vocabulary vocabulary, CorpusInfo corpus, TrainingHistory history) {
        /** The same model and history, recorded from now on as trained on {@code text}. */
        public Subject on(Corpus text) {
            return new Subject(model, text.vocabulary(), CorpusInfo.of(text), history);
        }
    }

    private final Subject subject;
    private final Trainer trainer;
    private CheckpointOutput output;

    /** A trainer for {@code subject} on {@code corpus}, following {@code plan}; nothing runs yet. */
    public TrainingStart(Subject subject, Corpus corpus, TrainingPlan plan) {
        this(subject, corpus, plan, null);
    }

    /** The same, validating on {@code validation} (indices in the corpus's vocabulary) when it is not null. */
    public TrainingStart(Subject subject, Corpus corpus, TrainingPlan plan, char[] validation) {
        this.subject = subject;
        this.trainer = new Trainer(subject.model(), corpus, plan, subject.history(), validation);
    }

    /**
     * A new, untrained model of {@code hp} on {@code engine} for {@code corpus}; a size that cannot run here is
     * refused first, with the memory it needs and the limit.
     */
    public static Subject create(String engine, Hyperparameters hp, Corpus corpus) {
        MemoryEstimate.requireTrainable(engine, corpus.vocabulary().size(), hp);
        return new Subject(Engines.create(engine, corpus.vocabulary().size(), hp), null, null, new TrainingHistory())
                .on(corpus);
    }

    /**
     * A model continued on a text: {@code subject} is the model (grown when the text has characters it never saw)
     * recorded as trained on the text, {@code corpus} the text in the model's indices, {@code growth} what was added,
     * and {@code newText} whether the text is another than the model's last.
     */
    public record Continued(Subject subject, Corpus corpus, VocabularyGrowth growth, boolean newText) {
        /**
         * Continuing on a text that brings at least this many new characters (another language, another script)
         * keeps the model's own rate: there the model has much to learn and little of its own to lose.
         */
        public static final int MANY_NEW_CHARACTERS = 5;

        /**
         * The rate suggested for continuing on another text with {@code newCharacters} characters the model never
         * saw: a third of the model's own rate (to three digits), so that the first steps on a text like its own do
         * not undo what it learnt, but the model's own rate for a text with {@link #MANY_NEW_CHARACTERS} or more
         * (see BENCHMARKS.md, "Continuing on your own text": on a Dutch text with 12 new characters a third ended
         * 0.13 nats worse than a fresh model, the model's own rate 0.07 better).
         */
        public static double suggestedRate(Hyperparameters hp, int newCharacters) {
            return newCharacters >= MANY_NEW_CHARACTERS ? hp.learningRate()
                    : new java.math.BigDecimal(hp.learningRate() / 3).round(new java.math.MathContext(3))
                    .doubleValue();
        }

        /** Why {@link #suggestedRate} chose what it did, in a few words. */
        public static String suggestedRateReason(int newCharacters) {
            return newCharacters >= MANY_NEW_CHARACTERS
                    ? "the model's own, as the text brings " + newCharacters + " new characters"
                    : "a third of the model's, so that it keeps what it learnt";
        }
    }

    /**
     * {@code trained}, to be continued on {@code corpus}: refused when the text was cleaned otherwise (or the engine
     * cannot grow to new characters); the note of the resume check (another text) goes to {@code warn}.
     */
    public static Continued resume(Subject trained, Corpus corpus, Consumer<String> warn) {
        String warning = ResumeCheck.check(trained.vocabulary(), trained.corpus(), corpus);
        if (warning != null) {
            warn.accept(warning);
        }
        VocabularyGrowth growth = VocabularyGrowth.of(trained.vocabulary(), corpus);
        CharModel model = trained.model();
        if (growth.grows()) {
            MemoryEstimate.requireTrainable(model.engine(), growth.vocabulary().size(), model.hyperparameters());
            model = model.grown(growth.vocabulary().size());
        }
        Subject subject = new Subject(model, growth.vocabulary(), CorpusInfo.of(corpus), trained.history());
        return new Continued(subject, growth.corpus(), growth, warning != null);
    }

    /**
     * Sends the run's checkpoints, as {@code policy} says, to {@code target}: {@link #run} waits for them and
     * {@link #close} lets the file go.
     */
    public void checkpoints(CheckpointPolicy policy, CheckpointOutput target) {
        this.output = target;
        trainer.setCheckpoints(policy, target.open(subject.vocabulary(), subject.corpus()));
    }

    public Subject subject() {
        return subject;
    }

    public Trainer trainer() {
        return trainer;
    }

    /** Lets the checkpoints' file go, once written. */
    @Override
    public void close() {
        if (output != null) {
            output.close();
        }
    }

    /**
     * Trains until the plan ends or the trainer is stopped, saves the end of the run as the latest checkpoint (when
     * there are checkpoints) and waits for them; the validation loss.
     */
    public double run() {
        try {
            double validationLoss = trainer.run();
            if (output != null) {
                output.saveLatest(subject.model(), trainer.history());
            }
            return validationLoss;
        } finally {
            if (output != null) {
                output.finish();
            }
        }
    }
}
