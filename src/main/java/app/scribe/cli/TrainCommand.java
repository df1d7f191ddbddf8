package app.scribe.cli;

import app.scribe.Printable;
import app.scribe.ScribeException;
import app.scribe.StopSignals;
import app.scribe.corpus.Cleaning;
import app.scribe.corpus.Corpus;
import app.scribe.corpus.CorpusReader;
import app.scribe.corpus.ValidationText;
import app.scribe.model.CellType;
import app.scribe.model.Hyperparameters;
import app.scribe.model.Optimizer;
import app.scribe.persistence.CheckpointFile;
import app.scribe.persistence.ModelFile;
import app.scribe.persistence.OutputGuard;
import app.scribe.persistence.SavedModel;
import app.scribe.training.CheckpointPolicy;
import app.scribe.training.LearningRateSchedule;
import app.scribe.training.Trainer;
import app.scribe.training.TrainingEvent;
import app.scribe.training.TrainingPlan;
import app.scribe.training.TrainingStart;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

@Command(name = "train", description = "Train a model on a text file and save it.",
        modelTransformer = CellSettingFlags.class)
final class TrainCommand implements Callable<Integer> {
    private static final Hyperparameters DEFAULTS = Hyperparameters.defaults();
    /** Options that shape a new model; a resumed model has its own. */
    private static final List<String> MODEL_OPTIONS = Stream.concat(Stream.of("--cell", "--hidden", "--layers",
            "--seq", "--batch", "--lr", "--optimizer", "--weight-decay", "--dropout", "--seed", "--engine", "--clean"),
            CellSettingFlags.flags().stream()).toList();

    @Spec
    CommandSpec spec;

    @Option(names = "--corpus", required = true, description = "the text file to learn from; repeat it to learn from"
            + " several books joined, each keeping its final share for validation")
    List<Path> corpusFiles;

    @Option(names = "--out", required = true, description = "the model file to write (.scribe)")
    Path out;

    @Option(names = "--steps", description = "total optimizer steps (default 2000)")
    Long steps;

    @Option(names = "--minutes", description = "stop after this many minutes")
    Double minutes;

    @Option(names = "--size", description = "auto: choose the model and its learning-rate schedule for --minutes "
            + "from the corpus and this machine's speed (the default when only a time is given); manual: the flags")
    String size;

    @Mixin
    ModelOptions shape = new ModelOptions();

    @Mixin
    OptimizerOptions rule = new OptimizerOptions(DEFAULTS.learningRate());

    @Option(names = "--weight-decay", description = "L2 weight decay added to every gradient, 0 to 1 (default 0)")
    double weightDecay = DEFAULTS.weightDecay();

    @Option(names = "--dropout", description = "dropout between layers, at least 0 and below 0.9 (default 0)")
    double dropout = DEFAULTS.dropout();

    @Option(names = "--seed", description = "random seed (default 42)")
    long seed = DEFAULTS.seed();

    @Option(names = "--clean", description = "clean the text's characters first: ascii, lowercase, rare=N (characters"
            + " seen fewer than N times become one placeholder); repeat or separate with commas (default: keep as is)")
    List<String> clean = List.of();

    @Option(names = "--resume", description = "continue training this model file")
    Path resume;

    @Option(names = "--force", description = "replace the Scribe models already at --out and its .best file")
    boolean force;

    @Mixin
    CheckpointOptions checkpoints = new CheckpointOptions();

    @Option(names = "--val", description = "validate on this text instead of the last 5%% of each book (which are "
            + "then trained on too)")
    Path validationFile;

    @Mixin
    RecordTrainOptions records = new RecordTrainOptions();

    @Option(names = "--patience", description = "stop early after this many validations without a new best "
            + "(default 0 = never, at most 1000)")
    int patience;

    @Override
    public Integer call() {
        PrintWriter console = spec.commandLine().getOut();
        // Everything that can be checked cheaply is checked before the corpus is read and long before training ends.
        if (steps != null && (steps < 1 || steps > 100_000_000L)) {
            throw new ScribeException("--steps must be between 1 and 100000000 (got " + steps + ").");
        }
        if (minutes != null && !(minutes > 0 && minutes <= 60 * 24 * 30)) {
            throw new ScribeException("--minutes must be above 0 and at most 43200 (got " + minutes + ").");
        }
        if (resume != null && spec.commandLine().getParseResult().hasMatchedOption("--lr")
                && !(rule.lr >= 1e-6 && rule.lr <= 1)) {
            throw new ScribeException("--lr must be between 0.000001 and 1 (got " + rule.lr + ").");
        }
        CheckpointPolicy policy = flagged(checkpoints::policy);
        flagged(() -> TrainingPlan.forSteps(1).withPatience(patience));
        Optimizer optimizer = rule.rule();
        CellType cellType = shape.cellType();
        Cleaning cleaning = Cleaning.parse(clean);
        boolean auto = AutoSize.applies(size, spec.commandLine().getParseResult(), minutes, steps, resume);
        Hyperparameters requested = resume != null || auto ? null : new Hyperparameters(shape.hidden, shape.layers, shape.seq,
                shape.batch, optimizer, rule.lr, DEFAULTS.decayRate(), DEFAULTS.decayEvery(), DEFAULTS.clipNorm(),
                dropout, seed, weightDecay, cellType, CellSettingFlags.given(spec, cellType));
        for (Path corpusFile : corpusFiles) {
            OutputGuard.check(checkpoints.outputs(out), corpusFile, resume, force);
        }
        PrintWriter err = spec.commandLine().getErr();
        AtomicReference<Trainer> running = new AtomicReference<>();
        // The handlers come first: a signal between taking the lock and installing them would leave the lock file.
        try (StopSignals signals = new StopSignals(signal -> {
            err.println("SIG" + signal + ": saving at the end of this step (press Ctrl-C again to quit without saving).");
            err.flush();
            Trainer trainer = running.get();
            if (trainer != null) {
                trainer.stop();
            }
        }); CheckpointFile file = CheckpointFile.lock(out, written -> {
            console.printf("checkpoint (%s) at step %d written to %s%n", written.kind().name().toLowerCase(),
                    written.step(), Printable.escape(written.file().toString()));
            console.flush();
        }, message -> ScribeCommand.warn(err, message))) {
            TrainingStart start = start(console, err, requested, cleaning);
            start.checkpoints(policy, file);
            Trainer trainer = start.trainer();
            running.set(trainer);
            if (signals.exitCode() != 0) {
                trainer.stop();
            }
            double validationLoss = start.run(); // saves the end of the run through the checkpoint file
            console.printf("saved %s at step %d%n", Printable.escape(out.toString()), trainer.history().step());
            console.printf(java.util.Locale.ROOT, "val_unigram_entropy=%.4f%n", trainer.validationUnigramEntropy());
            console.printf(java.util.Locale.ROOT, "val_loss=%.4f%n", validationLoss);
            console.flush();
            return signals.exitCode();
        }
    }

    /** Reads the corpus and builds or loads the model (or chooses it for the time given); prints what it read. */
    private TrainingStart start(PrintWriter console, PrintWriter err, Hyperparameters requested, Cleaning cleaning) {
        SavedModel saved = resume == null ? null : new ModelFile().load(resume);
        Corpus corpus = new CorpusReader().read(corpusFiles,
                saved == null ? cleaning : saved.vocabulary().mapper().cleaning(), records.format(saved, validationFile));
        console.printf("corpus %s: %,d characters, %d distinct, %s%n", Printable.escape(corpus.name()),
                corpus.length(), corpus.vocabulary().size(), corpus.encodingSummary());
        if (corpus.books().size() > 1) {
            console.printf("books: %s%n", Printable.escape(corpus.shares()));
        }
        if (!corpus.vocabulary().mapper().cleaning().keepsAsIs()) {
            console.printf("cleaning: %s%n", corpus.cleaningSummary());
        }
        TrainingStart.Continued continued = null;
        if (saved != null) {
            continued = TrainingStart.resume(new TrainingStart.Subject(saved.model(), saved.vocabulary(),
                    saved.corpus(), saved.history()), corpus, warning -> ScribeCommand.warn(err, warning));
            corpus = continued.corpus();
            if (continued.growth().grows()) {
                console.printf("vocabulary: %s%n", Printable.escape(continued.growth().sentence()));
            }
            warnIgnored(err);
        }
        char[] validation = validationText(corpus, console, err);
        app.scribe.training.BudgetChoice chosen = saved == null && requested == null
                ? AutoSize.choose(console, shape.engine, corpus, validation, minutes, seed) : null;
        TrainingStart.Subject subject = continued != null ? continued.subject()
                : TrainingStart.create(shape.engine, chosen != null ? chosen.choice().hyperparameters() : requested,
                corpus);
        records.announce(corpus, subject.model().hyperparameters().seqLength(), console);
        long total = steps != null ? steps : minutes != null ? 100_000_000L : 2000;
        if (resume != null && steps != null) {
            total = subject.history().step() + steps;
        }
        double limit = chosen != null ? chosen.minutesLeft() : minutes == null ? 0 : minutes;
        TrainingPlan plan = TrainingPlan.forSteps(subject.history().step(), total).withMaxMinutes(limit)
                .withPatience(patience);
        TrainingStart start = new TrainingStart(subject, corpus, plan, validation);
        if (chosen != null) {
            start.trainer().setSchedule(chosen.choice().schedule());
        }
        boolean given = spec.commandLine().getParseResult().hasMatchedOption("--lr");
        if (continued != null && (continued.newText() || given)) {
            Hyperparameters hp = subject.model().hyperparameters();
            int newCharacters = continued.growth().added().length;
            double rate = given ? rule.lr : TrainingStart.Continued.suggestedRate(hp, newCharacters);
            start.trainer().setSchedule(LearningRateSchedule.from(rate, subject.history().step(), hp));
            console.printf(java.util.Locale.ROOT, "continuing %s at learning rate %.3g (%s)%n",
                    continued.newText() ? "on another text" : "the model", rate,
                    given ? "--lr" : String.format(java.util.Locale.ROOT, "%s: %.3g; --lr sets another",
                    TrainingStart.Continued.suggestedRateReason(newCharacters), hp.learningRate()));
        }
        start.trainer().addListener(new ProgressPrinter(console));
        return start;
    }

    /** The {@code --val} text in the corpus's vocabulary, announced; null without {@code --val}. */
    private char[] validationText(Corpus corpus, PrintWriter console, PrintWriter err) {
        if (validationFile == null) {
            return null;
        }
        ValidationText validation = ValidationText.read(validationFile, corpus.vocabulary());
        if (validation.skipped() > 0) {
            ScribeCommand.warn(err, "validation skips " + validation.skipped() + " characters the corpus lacks: "
                    + validation.unknown());
        }
        console.printf("validation %s: %,d characters%n", Printable.escape(validationFile.toString()),
                validation.indices().length);
        return validation.indices();
    }

    /**
     * A resumed model keeps its settings: says which of the options given it ignores (all but {@code --lr}, the
     * rate of the continued run).
     */
    private void warnIgnored(PrintWriter err) {
        List<String> ignored = new ArrayList<>();
        for (String option : MODEL_OPTIONS) {
            if (spec.commandLine().getParseResult().hasMatchedOption(option) && !option.equals("--lr")) {
                ignored.add(option);
            }
        }
        if (!ignored.isEmpty()) {
            ScribeCommand.warn(err, String.join(", ", ignored)
                    + " ignored: a resumed model keeps the settings it was trained with.");
        }
    }

    /** Builds a setting from flags, naming the flag in a refusal: "checkpoint minutes" becomes "--checkpoint-minutes". */
    private static <T> T flagged(java.util.function.Supplier<T> settings) {
        try {
            return settings.get();
        } catch (ScribeException e) {
            String message = e.getMessage();
            for (String name : List.of("checkpoint minutes", "checkpoint steps", "patience")) {
                if (message.startsWith(ScribeException.opening(name))) {
                    message = "--" + name.replace(' ', '-') + message.substring(name.length());
                }
            }
            throw new ScribeException(message);
        }
    }

    /** Prints a progress line every few seconds, and every evaluation and sample. */
    private static final class ProgressPrinter implements java.util.function.Consumer<TrainingEvent> {
        private final PrintWriter out;
        private long lastPrinted;
        private double lastValidation = Double.NaN;

        ProgressPrinter(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void accept(TrainingEvent event) {
            if (event instanceof TrainingEvent.Progress p) {
                long now = System.currentTimeMillis();
                if (now - lastPrinted >= 2000 || p.step() == 1) {
                    lastPrinted = now;
                    // Before the first validation there is no validation loss: "-", not NaN.
                    String validation = Double.isNaN(lastValidation) ? "-"
                            : String.format(Locale.ROOT, "%.4f", lastValidation);
                    out.printf(Locale.ROOT, "step %d  epoch %.2f  train_loss %.4f  val_loss %s  chars/s %.0f%n",
                            p.step(), p.epoch(), p.smoothedLoss(), validation, p.charsPerSecond());
                }
            } else if (event instanceof TrainingEvent.Evaluation e) {
                lastValidation = e.validationLoss();
                out.printf("step %d  val_loss %.4f%n", e.step(), e.validationLoss());
            } else if (event instanceof TrainingEvent.SampleTaken s) {
                out.printf("sample at step %d, T %.1f: %s%n", s.step(), s.temperature(), s.text().replace("\n", " | "));
            } else if (event instanceof TrainingEvent.Finished f) {
                out.printf("finished at step %d: %s%n", f.step(), f.reason());
            }
            out.flush();
        }
    }
}
