package app.scribe.cli;

import app.scribe.Printable;
import app.scribe.ScribeException;
import app.scribe.corpus.Batch;
import app.scribe.corpus.BatchSource;
import app.scribe.corpus.Corpus;
import app.scribe.corpus.CorpusReader;
import app.scribe.model.CellType;
import app.scribe.model.CharModel;
import app.scribe.model.Engines;
import app.scribe.model.Hyperparameters;
import app.scribe.model.Optimizer;
import app.scribe.generation.SamplingSettings;
import app.scribe.model.Stepper;
import app.scribe.engine.fast.BlasLimit;
import app.scribe.engine.fast.FastCharModel;
import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;

/**
 * Measures an engine on the reference set-up (Adam 2e-3, no dropout): training characters per second after a short
 * warm-up, validation loss, and single-stream generation speed; optionally runs the PyTorch peer script on the same
 * corpus and settings afterwards (never at the same time) and prints the ratios.
 */
@Command(name = "bench", description = "Measure training and generation speed, optionally against the PyTorch peer.")
final class BenchCommand implements Callable<Integer> {
    private static final int GENERATED_CHARS = 2000;
    private static final int MAX_SECONDS = 86_400;
    private static final int MAX_STEPS = 100_000_000;
    private static final int MAX_WARMUP = 100_000;
    /** More workers than this only split a batch into slivers, and each one holds its own buffers. */
    private static final int MAX_THREADS = 256;

    @Spec
    CommandSpec spec;

    @Option(names = "--corpus", required = true, description = "the text file to train on")
    Path corpusFile;

    @Option(names = "--seconds", description = "seconds of timed training (default 30)")
    double seconds = 30;

    @Option(names = "--minutes", description = "minutes of timed training (instead of --seconds; also for the peer)")
    Double minutes;

    @Option(names = "--steps", description = "train this many steps instead of for --seconds (also for the peer)")
    Integer steps;

    @Option(names = "--warmup", description = "untimed warm-up steps (default 5, as the peer)")
    int warmup = 5;

    @Mixin
    ModelOptions shape = new ModelOptions();

    @Option(names = "--threads", description = "worker threads of the fast engine (default: SCRIBE_THREADS, else 2 "
            + "on a machine with 2 or more cores, else 1)")
    Integer threads;

    @Option(names = "--quality", description = "instead: train the time budget's model (train --minutes) for "
            + "--minutes on the first 90%% of the corpus and score the last 10%%, in nats and bits per character")
    boolean quality;

    @Option(names = "--peer", description = "also run the PyTorch peer (it has no tglstm) and print the ratios; with "
            + "--quality, on the same split and time, with the shape the budget chose")
    boolean peer;

    @Option(names = "--peer-script", description = "path of torch_char_lstm.py (default: found next to the "
            + "working folder, ../" + PeerScript.DEFAULT + ")")
    Path peerScript;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (minutes != null) {
            seconds = minutes * 60;
        }
        // Every number is checked before anything is read or allocated: --threads 100000 once ran out of memory.
        if (!(seconds > 0 && seconds <= MAX_SECONDS)) {
            throw new ScribeException(minutes != null
                    ? "--minutes must be above 0 and at most " + MAX_SECONDS / 60 + " (got " + minutes + ")."
                    : "--seconds must be above 0 and at most " + MAX_SECONDS + " (got " + seconds + ").");
        }
        requireRange("--steps", steps, 1, MAX_STEPS);
        requireRange("--warmup", warmup, 0, MAX_WARMUP);
        requireRange("--threads", threads, 1, MAX_THREADS);
        if (quality) {
            if (minutes == null || steps != null) {
                throw new ScribeException("With --quality, bench trains for a time: give --minutes, and no --steps.");
            }
            PeerScript script = peer ? PeerScript.find(peerScript) : null;
            if (threads != null) {
                System.setProperty("scribe.threads", Integer.toString(threads));
            }
            QualityBench.run(out, corpusFile, shape.engine, minutes, java.util.Optional.ofNullable(script));
            return 0;
        }
        CellType cellType = shape.cellType();
        if (peer && cellType == CellType.TGLSTM) {
            throw new ScribeException("The PyTorch peer has no time-gated LSTM; bench --cell tglstm without --peer.");
        }
        Hyperparameters hp = new Hyperparameters(shape.hidden, shape.layers, shape.seq, shape.batch, Optimizer.ADAM,
                2e-3, 1.0, 1, 5.0, 0.0, 42).withCell(cellType);
        PeerScript script = peer ? PeerScript.find(peerScript) : null;
        if (threads != null) {
            System.setProperty("scribe.threads", Integer.toString(threads));
        }
        Corpus corpus = new CorpusReader().read(corpusFile);
        String engine = shape.engine;
        CharModel model = Engines.create(engine, corpus.vocabulary().size(), hp);
        BatchSource source = new BatchSource(corpus, hp.seqLength(), hp.batchSize());
        SplittableRandom random = new SplittableRandom(hp.seed());
        out.printf(Locale.ROOT, "bench %s: corpus %s (%,d chars, vocab %d), %s, hidden %d, layers %d, batch %d, "
                        + "seq %d, Adam 2e-3, %d cores, OMP_NUM_THREADS=%s, OPENBLAS_CORETYPE=%s%n", engine,
                Printable.escape(corpus.name()), corpus.length(), corpus.vocabulary().size(), cellType.id(),
                hp.hiddenSize(), hp.layers(), hp.batchSize(), hp.seqLength(), Runtime.getRuntime().availableProcessors(), System.getenv("OMP_NUM_THREADS"),
                System.getenv("OPENBLAS_CORETYPE"));
        out.flush();
        BlasLimit.Rate trainLimit = null;
        BlasLimit.Rate genLimit = null;
        if (engine.equals(FastCharModel.ENGINE)) {
            trainLimit = BlasLimit.training(corpus.vocabulary().size(), hp);
            genLimit = BlasLimit.generation(corpus.vocabulary().size(), hp);
            out.printf(Locale.ROOT, "limit_chars_per_sec=%.0f limit_gflops=%.1f gen_limit_chars_per_sec=%.0f "
                    + "gen_limit_gflops=%.1f (BLAS calls only, %d worker threads at once)%n",
                    trainLimit.charsPerSecond(), trainLimit.gflops(), genLimit.charsPerSecond(), genLimit.gflops(),
                    FastCharModel.defaultThreads());
            out.flush();
        }
        for (int i = 0; i < warmup; i++) {
            model.train(source.trainingBatch(random), 2e-3);
        }
        long start = System.nanoTime();
        long done = 0;
        double loss = Double.NaN;
        while (steps != null ? done < steps : System.nanoTime() - start < seconds * 1e9) {
            loss = model.train(source.trainingBatch(random), 2e-3);
            done++;
        }
        double trainSeconds = (System.nanoTime() - start) / 1e9;
        double trainRate = done * (double) hp.batchSize() * hp.seqLength() / trainSeconds;
        double validation = validationLoss(model, source);
        double genRate = generationRate(model, corpus);
        out.printf(Locale.ROOT, "engine=%s train_chars_per_sec=%.0f steps=%d train_seconds=%.1f final_train_loss=%.4f "
                + "val_loss=%.4f gen_chars_per_sec=%.0f%n", engine, trainRate, done, trainSeconds, loss, validation,
                genRate);
        String fractions = trainLimit == null ? "" : String.format(Locale.ROOT,
                "fraction_of_limit=%.2f gen_fraction_of_limit=%.2f", trainRate / trainLimit.charsPerSecond(),
                genRate / genLimit.charsPerSecond());
        if (!fractions.isEmpty()) {
            out.println(fractions);
        }
        out.flush();
        if (script != null) {
            runPeer(script, out).ifPresent(result -> {
                double peerTrain = result.path("train_chars_per_sec").asDouble();
                double peerGen = result.path("gen_chars_per_sec").asDouble();
                out.printf(Locale.ROOT, "peer train_chars_per_sec=%.0f steps=%d val_loss=%.4f gen_chars_per_sec=%.0f%n",
                        peerTrain, result.path("steps").asLong(), result.path("val_loss_nats").asDouble(), peerGen);
                out.printf(Locale.ROOT, "train_ratio=%.2f gen_ratio=%.2f %s%n", trainRate / peerTrain,
                        genRate / peerGen, fractions);
            });
        }
        out.flush();
        return 0;
    }

    private static void requireRange(String flag, Integer value, int min, int max) {
        if (value != null && (value < min || value > max)) {
            throw new ScribeException(flag + " must be between " + min + " and " + max + " (got " + value + ").");
        }
    }

    private static double validationLoss(CharModel model, BatchSource source) {
        double total = 0;
        long count = 0;
        for (Batch b : source.validationBatches()) {
            int n = b.batchSize() * b.seqLength();
            total += model.loss(b) * n;
            count += n;
        }
        return total / count;
    }

    /** Single-stream sampling at temperature 1 with the state carried, as the peer measures it. */
    private static double generationRate(CharModel model, Corpus corpus) {
        SamplingSettings sampler = SamplingSettings.plain();
        int[] noRecent = {};
        SplittableRandom random = new SplittableRandom(1);
        int start = Math.max(0, corpus.vocabulary().indexOf('T'));
        for (int warm = 0; warm < 2; warm++) {
            Stepper stepper = model.stepper();
            long t0 = System.nanoTime();
            int next = start;
            for (int i = 0; i < GENERATED_CHARS; i++) {
                next = sampler.pick(stepper.step(next), noRecent, random);
            }
            if (warm == 1) {
                return GENERATED_CHARS / ((System.nanoTime() - t0) / 1e9);
            }
        }
        throw new IllegalStateException("unreachable");
    }

    private java.util.Optional<JsonNode> runPeer(PeerScript script, PrintWriter out) {
        List<String> arguments = new ArrayList<>(List.of("--corpus", corpusFile.toString(),
                "--cell", shape.cellType().id(), "--hidden", Integer.toString(shape.hidden),
                "--layers", Integer.toString(shape.layers),
                "--batch", Integer.toString(shape.batch), "--seq", Integer.toString(shape.seq),
                "--warmup", Integer.toString(warmup),
                "--val-fraction", Double.toString(BatchSource.VALIDATION_SHARE),
                "--val-chars", Integer.toString(BatchSource.MAX_VALIDATION_CHARS)));
        if (steps != null) {
            arguments.addAll(List.of("--steps", Integer.toString(steps)));
        } else {
            arguments.addAll(List.of("--seconds", Double.toString(seconds)));
        }
        return script.run(arguments, out);
    }
}
