package app.scribe.cli;

import app.scribe.Printable;
import app.scribe.analysis.TextScore;
import app.scribe.analysis.Tracer;
import app.scribe.corpus.Corpus;
import app.scribe.corpus.CorpusReader;
import app.scribe.corpus.ValidationText;
import app.scribe.model.CharModel;
import app.scribe.model.Engines;
import app.scribe.model.Hyperparameters;
import app.scribe.training.Trainer;
import app.scribe.training.TrainingEvent;
import app.scribe.training.TrainingHistory;
import app.scribe.training.TrainingPlan;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code bench --quality}: the time budget's model trained on the first 90 % of a text and scored on the last 10 %
 * (nanoGPT's split of Tiny Shakespeare: the last 111,540 characters), as {@code eval} scores a text.
 */
final class QualityBench {
    /** The peer cuts at int(n * (1 - 0.1)), which is this share: 1 - 0.1 is 0.9 exactly in binary floating point. */
    static final double TRAINING_SHARE = 0.9;

    private QualityBench() {
    }

    /**
     * Trains and scores; with a peer, then trains the PyTorch peer on the same 90 % for the same time, with the
     * shape the budget chose (the peer has its own Adam at 2e-3 and neither dropout nor a schedule), and scores
     * the same last 10 % in windows of the same length from a zero state, comparable with windowed_val_loss.
     */
    static void run(PrintWriter out, Path file, String engine, double minutes, Optional<PeerScript> peer) {
        Corpus whole = new CorpusReader().read(file);
        StringBuilder text = new StringBuilder(whole.length());
        for (char index : whole.indices()) {
            text.append(whole.vocabulary().charAt(index));
        }
        int cut = (int) (whole.length() * TRAINING_SHARE);
        String tail = text.substring(cut);
        Corpus head = new CorpusReader().fromBytes(whole.name() + " (first 90 %)",
                text.substring(0, cut).getBytes(StandardCharsets.UTF_8));
        out.printf(Locale.ROOT, "quality %s: %,d characters, training on the first %,d, scoring the last %,d%n",
                Printable.escape(whole.name()), whole.length(), cut, whole.length() - cut);
        out.flush();
        ValidationText validation = ValidationText.of(whole.name(), tail, head.vocabulary());
        long started = System.nanoTime();
        app.scribe.training.BudgetChoice chosen = AutoSize.choose(out, engine, head, validation.indices(), minutes,
                Hyperparameters.defaults().seed());
        Hyperparameters hp = chosen.choice().hyperparameters();
        CharModel model = Engines.create(engine, head.vocabulary().size(), hp);
        Trainer trainer = new Trainer(model, head, TrainingPlan.forSteps(100_000_000L)
                .withMaxMinutes(chosen.minutesLeft()), new TrainingHistory(), validation.indices());
        trainer.setSchedule(chosen.choice().schedule());
        AtomicReference<TrainingEvent.Progress> last = new AtomicReference<>();
        trainer.addListener(e -> {
            if (e instanceof TrainingEvent.Progress p) {
                last.set(p);
            } else if (e instanceof TrainingEvent.Evaluation v) {
                out.printf(Locale.ROOT, "step %d  val_loss %.4f%n", v.step(), v.validationLoss());
                out.flush();
            }
        });
        double windowed = trainer.run();
        double seconds = (System.nanoTime() - started) / 1e9;
        long steps = trainer.history().step();
        double characters = (double) steps * hp.batchSize() * hp.seqLength();
        TextScore score = new Tracer(model, head.vocabulary()).score("", head.vocabulary().prepare(tail));
        out.printf(Locale.ROOT, "trained %,d steps in %.0f s (speed probe included): %,.0f characters, %,.0f chars/s"
                        + " over the run (%,.0f at the end)%n", steps, seconds, characters,
                characters / (trainer.history().trainingMillis() / 1e3), last.get().charsPerSecond());
        if (validation.skipped() > 0) {
            out.printf(Locale.ROOT, "skipped=%d (characters the first 90 %% lacks: %s)%n", validation.skipped(),
                    validation.unknown());
        }
        out.printf(Locale.ROOT, "windowed_val_loss=%.4f (sequences of %d from a zero state, as training validates)%n",
                windowed, hp.seqLength());
        out.printf(Locale.ROOT, "quality_nats=%.4f%n", score.bitsPerCharacter() * Math.log(2));
        out.printf(Locale.ROOT, "quality_bpc=%.4f%n", score.bitsPerCharacter());
        out.flush();
        peer.flatMap(script -> script.run(List.of("--corpus", file.toString(), "--cell", hp.cell().id(),
                "--hidden", Integer.toString(hp.hiddenSize()), "--layers", Integer.toString(hp.layers()),
                "--batch", Integer.toString(hp.batchSize()), "--seq", Integer.toString(hp.seqLength()),
                "--optimizer", "adam", "--lr", "2e-3", "--seconds", Double.toString(minutes * 60),
                "--threads", Integer.toString(Runtime.getRuntime().availableProcessors()),
                "--val-fraction", "0.1",
                "--val-chars", Integer.toString(whole.length() - cut)), out)).ifPresent(result -> {
            double peerLoss = result.path("val_loss_nats").asDouble();
            out.printf(Locale.ROOT, "peer_windowed_val_loss=%.4f (PyTorch %s, %d steps, %.0f chars/s; sequences of "
                            + "%d from a zero state) windowed_difference=%+.4f (ours minus the peer's)%n", peerLoss,
                    result.path("peer").asText(), result.path("steps").asLong(),
                    result.path("train_chars_per_sec").asDouble(), hp.seqLength(), windowed - peerLoss);
            out.flush();
        });
    }
}
