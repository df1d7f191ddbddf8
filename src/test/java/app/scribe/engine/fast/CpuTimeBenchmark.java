package app.scribe.engine.fast;

import app.scribe.corpus.Batch;
import app.scribe.model.Hyperparameters;
import app.scribe.model.Optimizer;
import app.scribe.generation.SamplingSettings;
import app.scribe.model.Stepper;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Before/after figures for engine changes in BENCHMARKS.md that hold on a loaded machine: the calling thread's CPU
 * time (not wall time, which other people's work on the machine stretches), best of ten rounds, for the reference
 * 2 x 128 LSTM with 79 symbols. {@code generation}: microseconds per character sampled at temperature 1 (the
 * stepper and the sampler, as bench measures them). {@code training [workers]}: milliseconds per training step of
 * batch 64 x 30 on one worker unless a second argument says how many (then it is the calling thread's, worker 0's,
 * CPU time, which includes whatever it does while the others wait). Each also prints the BLAS limit's time for the
 * same work.
 */
public final class CpuTimeBenchmark {
    private static final int ROUNDS = 10;

    private CpuTimeBenchmark() {
    }

    public static void main(String[] args) {
        System.setProperty("scribe.threads", args.length > 1 ? args[1] : "1");
        Hyperparameters hp = new Hyperparameters(128, 2, 30, 64, Optimizer.ADAM, 2e-3, 1.0, 1, 5.0, 0.0, 42);
        FastCharModel model = new FastCharModel(79, hp);
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        SplittableRandom random = new SplittableRandom(1);
        double best = Double.MAX_VALUE;
        if (args[0].equals("generation")) {
            Stepper stepper = model.stepper();
            SamplingSettings sampler = SamplingSettings.plain();
            int[] noRecent = new int[0];
            int next = 0;
            for (int round = 0; round < ROUNDS; round++) {
                long t0 = cpu.getCurrentThreadCpuTime();
                for (int i = 0; i < 50_000; i++) {
                    next = sampler.pick(stepper.step(next), noRecent, random);
                }
                best = Math.min(best, (cpu.getCurrentThreadCpuTime() - t0) / 50_000 / 1e3);
            }
            System.out.printf(Locale.ROOT, "generation: %.2f us/char CPU (sgemv chain alone: %.2f us/char wall)%n",
                    best, 1e6 / BlasLimit.generation(79, hp).charsPerSecond());
        } else {
            Batch[] batches = new Batch[20];
            for (int i = 0; i < batches.length; i++) {
                int[] in = new int[64 * 30];
                int[] out = new int[64 * 30];
                for (int k = 0; k < in.length; k++) {
                    in[k] = random.nextInt(79);
                    out[k] = random.nextInt(79);
                }
                batches[i] = new Batch(64, 30, in, out);
            }
            double bestWall = Double.MAX_VALUE;
            for (int round = 0; round < ROUNDS; round++) {
                long t0 = cpu.getCurrentThreadCpuTime();
                long w0 = System.nanoTime();
                for (int i = 0; i < 40; i++) {
                    model.train(batches[i % batches.length], 2e-3);
                }
                best = Math.min(best, (cpu.getCurrentThreadCpuTime() - t0) / 40 / 1e6);
                bestWall = Math.min(bestWall, (System.nanoTime() - w0) / 40 / 1e6);
            }
            System.out.printf(Locale.ROOT, "training: %.2f ms/step CPU, %.2f wall (gemms alone: %.2f ms/step wall)%n",
                    best, bestWall, 64 * 30 * 1e3 / BlasLimit.training(79, hp, 1).charsPerSecond());
        }
    }
}
