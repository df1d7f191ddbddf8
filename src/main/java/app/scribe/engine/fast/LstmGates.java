package app.scribe.engine.fast;

import java.util.SplittableRandom;

/**
 * What the LSTM and the time-gated LSTM share: DL4J's blocks {@code W[input, 4H]}, {@code RW[H, 4H]},
 * {@code b[4H]} in its gate order g (the tanh candidate), f, o, i, with the forget gates' biases starting at 1; a
 * state of h then c; and a generation step's gate maths up to the new memory {@code c~ = f ⊙ c + i ⊙ g}.
 */
abstract class LstmGates extends Cell {
    static final int G = 0;
    static final int F = 1;
    static final int O = 2;
    static final int I = 3;

    /** The LSTM's three blocks, then the cell's own {@code extra} blocks. */
    LstmGates(int input, int hidden, int base, Block... extra) {
        super(input, hidden, base, blocks(input, hidden, extra));
    }

    private static Block[] blocks(int input, int hidden, Block[] extra) {
        Block[] all = new Block[3 + extra.length];
        all[0] = new Block("W", input, 4 * hidden);
        all[1] = new Block("RW", hidden, 4 * hidden);
        all[2] = new Block("b", 1, 4 * hidden);
        System.arraycopy(extra, 0, all, 3, extra.length);
        return all;
    }

    /** Xavier weights in W and RW, zero biases except the forget gates at 1. */
    @Override
    void initialise(float[] w, SplittableRandom random) {
        initialiseWeights(w, random);
        for (int j = 0; j < hidden; j++) {
            w[at(2) + hidden + j] = 1f;
        }
    }

    @Override
    final int stateSize() {
        return 2 * hidden;
    }

    @Override
    final int shownState() {
        return hidden;
    }

    @Override
    final int stepScratch() {
        return width();
    }

    /**
     * A generation step's gates, on heap arrays so that the loops vectorise (FloatBuffer access one float at a time
     * took most of a generated character's time): returns the row of activated gates g, f, o, i and leaves
     * {@code c~ = f ⊙ c + i ⊙ g} in {@link #stepState()}, c being the state's memory (which it does not change).
     */
    final float[] stepGates(StepIo io, int state, int inputAt, int charIndex) {
        int z = io.scratch;
        int width = width();
        project(io, inputAt, charIndex, at(2));
        Blas.rowTimesMatrix(hidden, width, io.w, at(1), io.s, state, 1f, io.z, z);
        float[] g = stepRow(width);
        io.sb.get(z, g, 0, width);
        Activations.tanh(g, 0, hidden);
        Activations.sigmoid(g, hidden, width);
        float[] c = stepState();
        io.sb.get(state + hidden, c, 0, hidden);
        for (int j = 0; j < hidden; j++) {
            c[j] = g[hidden + j] * c[j] + g[3 * hidden + j] * g[j];
        }
        return g;
    }
}
