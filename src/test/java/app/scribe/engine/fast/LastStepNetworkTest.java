package app.scribe.engine.fast;

import app.scribe.corpus.Batch;
import app.scribe.lab.Palindromes;
import app.scribe.lab.SquareMatrix;
import app.scribe.model.CellType;
import app.scribe.model.Optimizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LastStepNetworkTest {
    private static final int H = 8;
    private static final int V = Palindromes.DIGITS;

    /**
     * With tiny activations tanh is the identity to 1e-6, so the rnn is linear, h_(t+1) = W h_t with W = RW^T
     * (the engine multiplies rows, h·RW), and dL/dh_t must be (W^(T-1-t))^T g = RW^(T-1-t) g with
     * g = dL/dh_(T-1); the power comes from {@link SquareMatrix}, not the engine.
     */
    @Test
    void gradientNormsOfALinearRnnArePowersOfTheRecurrentMatrixTimesTheLastGradient() {
        LastStepNetwork net = new LastStepNetwork(CellType.RNN, V, H, Optimizer.SGD, 10, 1);
        SplittableRandom random = new SplittableRandom(5);
        Cell cell = net.layout.cell(0);
        float[] w = new float[net.layout.size];
        for (int i = 0; i < V * H; i++) {
            w[cell.at(0) + i] = (float) (1e-4 * (random.nextDouble() - 0.5));
        }
        double[][] rw = new double[H][H];
        for (int i = 0; i < H; i++) {
            for (int j = 0; j < H; j++) {
                rw[i][j] = 0.6 * (random.nextDouble() - 0.5);
                w[cell.at(1) + i * H + j] = (float) rw[i][j];
            }
        }
        for (int i = 0; i < H * V; i++) {
            w[net.layout.wy + i] = (float) (random.nextDouble() - 0.5);
        }
        net.params.put(w);
        int steps = 12;
        Batch batch = Palindromes.batch(steps + 1, 1, new SplittableRandom(3));

        double[] h = new double[H];
        for (int t = 0; t < steps; t++) {
            double[] next = new double[H];
            for (int j = 0; j < H; j++) {
                double z = w[cell.at(0) + batch.input(0, t) * H + j];
                for (int i = 0; i < H; i++) {
                    z += h[i] * rw[i][j];
                }
                next[j] = Math.tanh(z);
            }
            h = next;
        }
        double[] logits = new double[V];
        double sum = 0;
        for (int k = 0; k < V; k++) {
            for (int j = 0; j < H; j++) {
                logits[k] += h[j] * w[net.layout.wy + j * V + k];
            }
            sum += Math.exp(logits[k]);
        }
        double[] g = new double[H];
        for (int j = 0; j < H; j++) {
            for (int k = 0; k < V; k++) {
                double d = Math.exp(logits[k]) / sum - (k == batch.target(0, steps - 1) ? 1 : 0);
                g[j] += d * w[net.layout.wy + j * V + k];
            }
        }

        double[] norms = net.hiddenGradientNorms(batch);
        SquareMatrix forward = new SquareMatrix(transpose(rw));
        for (int t = 0; t < steps; t++) {
            SquareMatrix p = new SquareMatrix(transpose(forward.power(steps - 1 - t).values()));
            double expected = 0;
            for (int i = 0; i < H; i++) {
                double v = 0;
                for (int j = 0; j < H; j++) {
                    v += p.get(i, j) * g[j];
                }
                expected += v * v;
            }
            expected = Math.sqrt(expected);
            assertEquals(expected, norms[t], 1e-3 * expected, "t=" + t);
        }
        assertTrue(norms[0] < norms[steps - 1] / 100, "a recurrent matrix this small makes gradients vanish");
    }

    @Test
    void everyCellLearnsShortPalindromesClearlyAboveChance() {
        for (CellType type : CellType.values()) {
            LastStepNetwork net = new LastStepNetwork(type, V, 32, Optimizer.ADAM, 10, 7);
            SplittableRandom data = new SplittableRandom(11);
            for (int step = 0; step < 150; step++) {
                net.train(Palindromes.batch(5, 64, data), 1e-2);
            }
            Batch test = Palindromes.batch(5, 1000, new SplittableRandom(99));
            double accuracy = Palindromes.correct(test, net.predict(test)) / 1000.0;
            assertTrue(accuracy > 0.5, type.id() + " reached only " + accuracy + " (chance is 0.1)");
        }
    }

    /**
     * For every cell, each element of dL/dh_t that the backward pass leaves equals a central difference of the loss
     * when h_t alone (not the LSTMs' c_t) is moved: the sequence runs through the cell's own single step (the
     * generation path, not the batch forward), h_t is moved by ±eps after step t, and the loss is read at the end.
     * A gru or tglstm also carries h_t past h·RW, so this fails unless that path is counted too.
     */
    @ParameterizedTest
    @EnumSource(CellType.class)
    void hiddenGradientsEqualFiniteDifferencesOfEveryStepsOutput(CellType type) {
        LastStepNetwork net = new LastStepNetwork(type, V, H, Optimizer.SGD, 10, 4);
        int rows = 2;
        Batch batch = Palindromes.batch(7, rows, new SplittableRandom(8));
        int steps = batch.seqLength();
        float[] analytic = net.hiddenGradients(batch);
        float eps = 1e-2f;
        for (int t = 0; t < steps; t++) {
            double largest = 0;
            for (int b = 0; b < rows; b++) {
                for (int j = 0; j < H; j++) {
                    double numeric = (lossWithMovedOutput(net, batch, b, t, j, eps)
                            - lossWithMovedOutput(net, batch, b, t, j, -eps)) / (2 * eps) / rows;
                    double a = analytic[(t * rows + b) * H + j];
                    assertEquals(numeric, a, 2e-5 + 2e-2 * Math.abs(numeric),
                            type.id() + " t=" + t + " b=" + b + " j=" + j);
                    largest = Math.max(largest, Math.abs(numeric));
                }
            }
            assertTrue(largest > 1e-3, type.id() + " t=" + t + ": no gradient large enough to compare");
        }
    }

    /** Row b's loss at the last step when {@code delta} is added to unit j of h after step t. */
    private static double lossWithMovedOutput(LastStepNetwork net, Batch batch, int b, int moved, int j, float delta) {
        Layout layout = net.layout;
        Cell cell = layout.newCell(0);
        OffHeap state = new OffHeap(cell.stateSize() + Math.max(cell.stepScratch(), V));
        StepIo io = new StepIo(net.params, state, cell.stateSize());
        for (int t = 0; t < batch.seqLength(); t++) {
            cell.step(io, 0, -1, batch.input(b, t), batch.position(b, t));
            if (t == moved) {
                io.sb.put(j, io.sb.get(j) + delta);
            }
        }
        double[] logits = new double[V];
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < V; k++) {
            logits[k] = io.wb.get(layout.by + k);
            for (int i = 0; i < H; i++) {
                logits[k] += io.sb.get(i) * (double) io.wb.get(layout.wy + i * V + k);
            }
            max = Math.max(max, logits[k]);
        }
        double sum = 0;
        for (int k = 0; k < V; k++) {
            sum += Math.exp(logits[k] - max);
        }
        return Math.log(sum) + max - logits[batch.target(b, batch.seqLength() - 1)];
    }

    private static double[][] transpose(double[][] m) {
        double[][] t = new double[m.length][m.length];
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m.length; j++) {
                t[j][i] = m[i][j];
            }
        }
        return t;
    }
}
