package app.scribe.engine.fast;

import java.nio.FloatBuffer;

/**
 * The LSTM in DL4J's layout and gate order: {@code W[input, 4H]}, {@code RW[H, 4H]}, {@code b[4H]}, the four
 * column blocks being g (the tanh candidate), f, o, i. Per step, {@code z = x·W + h·RW + b},
 * {@code c = f ⊙ c + i ⊙ g}, {@code h = o ⊙ tanh(c)}; its state is h then c. The window's maths is
 * {@link LstmGates}', without a time gate.
 */
public final class LstmCell extends LstmGates {
    public LstmCell(int input, int hidden, int base) {
        super(input, hidden, base, false);
    }

    @Override
    void step(StepIo io, int state, int inputAt, int charIndex, long position) {
        float[] g = stepGates(io, state, inputAt, charIndex);
        float[] c = stepState();
        FloatBuffer sb = io.sb;
        sb.put(state + hidden, c, 0, hidden);
        Activations.tanh(c, 0, hidden);
        for (int j = 0; j < hidden; j++) {
            c[j] = g[2 * hidden + j] * c[j];
        }
        sb.put(state, c, 0, hidden);
    }
}
