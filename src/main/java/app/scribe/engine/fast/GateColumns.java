package app.scribe.engine.fast;

import java.nio.FloatBuffer;

/**
 * One step's gate pre-activations (or their gradients) for {@code rows} rows, split out of the gemm's row layout
 * ({@code [rows, gates x hidden]}, each row holding the gates side by side) into one zero-based array per gate
 * ({@code [rows x hidden]} each), and joined back.
 *
 * <p>Why: C2 in Java 17 vectorises a loop only when every array in it is indexed by the same expression. The gate
 * maths reads four gates and the cell state at once; in the row layout each gate sits at its own offset, and such
 * a loop runs one float at a time. Split, every loop of the step indexes {@code [0, rows x hidden)} alike.
 */
final class GateColumns {
    final float[][] gate;
    private final int hidden;
    private final int rows;

    GateColumns(int gates, int rows, int hidden) {
        this.gate = new float[gates][rows * hidden];
        this.hidden = hidden;
        this.rows = rows;
    }

    /** Copies {@code z}'s row layout (from offset 0) into the per-gate arrays. */
    void split(float[] z) {
        int width = gate.length * hidden;
        for (int b = 0; b < rows; b++) {
            for (int k = 0; k < gate.length; k++) {
                System.arraycopy(z, b * width + k * hidden, gate[k], b * hidden, hidden);
            }
        }
    }

    /** Copies the per-gate arrays back into {@code z}'s row layout (from offset 0). */
    void join(float[] z) {
        join(z, rows, hidden, gate);
    }

    /** Keeps the per-gate arrays in {@code a} from {@code at}, one whole gate after another. */
    void store(FloatBuffer a, int at) {
        int n = rows * hidden;
        for (int k = 0; k < gate.length; k++) {
            a.put(at + k * n, gate[k], 0, n);
        }
    }

    /** Reads back what {@link #store} kept at {@code at}. */
    void load(FloatBuffer a, int at) {
        int n = rows * hidden;
        for (int k = 0; k < gate.length; k++) {
            a.get(at + k * n, gate[k], 0, n);
        }
    }

    /** Copies {@code gates} (each {@code [rows x hidden]}) into {@code z}'s row layout, side by side in each row. */
    static void join(float[] z, int rows, int hidden, float[]... gates) {
        int width = gates.length * hidden;
        for (int b = 0; b < rows; b++) {
            for (int k = 0; k < gates.length; k++) {
                System.arraycopy(gates[k], b * hidden, z, b * width + k * hidden, hidden);
            }
        }
    }

    /** Fills {@code tile} with {@code rows} copies of {@code row[from .. from + width)}, one after another. */
    static void repeat(float[] row, int from, int width, float[] tile, int rows) {
        for (int b = 0; b < rows; b++) {
            System.arraycopy(row, from, tile, b * width, width);
        }
    }

    /** {@code out[j] = Σ_b tile[b * width + j]}: a bias's gradient from its per-row tile. */
    static void sumRows(float[] tile, int rows, int width, float[] out) {
        java.util.Arrays.fill(out, 0, width, 0f);
        for (int b = 0; b < rows; b++) {
            for (int j = 0; j < width; j++) {
                out[j] += tile[b * width + j];
            }
        }
    }
}
