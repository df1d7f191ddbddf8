package app.scribe.model.lstm;

/**
 * Where each weight lives in the one flat parameter block (row-major, DL4J's shapes and gate order): per layer l,
 * {@code Wx[in, 4H]}, {@code Wh[H, 4H]}, {@code b[4H]}; then the output {@code Wy[H, V]}, {@code by[V]}. Gradients
 * and optimizer moments use the same layout, so updates are single loops over the block.
 */
final class Layout {
    final int vocab;
    final int hidden;
    final int gates;
    final int layers;
    final int[] wx;
    final int[] wh;
    final int[] bias;
    final int wy;
    final int by;
    final int size;

    Layout(int vocab, int hidden, int layers) {
        this.vocab = vocab;
        this.hidden = hidden;
        this.gates = 4 * hidden;
        this.layers = layers;
        wx = new int[layers];
        wh = new int[layers];
        bias = new int[layers];
        int at = 0;
        for (int l = 0; l < layers; l++) {
            wx[l] = at;
            at += inputSize(l) * gates;
            wh[l] = at;
            at += hidden * gates;
            bias[l] = at;
            at += gates;
        }
        wy = at;
        at += hidden * vocab;
        by = at;
        at += vocab;
        size = at;
    }

    int inputSize(int layer) {
        return layer == 0 ? vocab : hidden;
    }

    /** DL4J parameter names, shapes and offsets in the block, in DL4J's order. */
    String[] names() {
        String[] names = new String[3 * layers + 2];
        for (int l = 0; l < layers; l++) {
            names[3 * l] = l + "_W";
            names[3 * l + 1] = l + "_RW";
            names[3 * l + 2] = l + "_b";
        }
        names[3 * layers] = layers + "_W";
        names[3 * layers + 1] = layers + "_b";
        return names;
    }

    int[][] shapes() {
        int[][] shapes = new int[3 * layers + 2][];
        for (int l = 0; l < layers; l++) {
            shapes[3 * l] = new int[]{inputSize(l), gates};
            shapes[3 * l + 1] = new int[]{hidden, gates};
            shapes[3 * l + 2] = new int[]{1, gates};
        }
        shapes[3 * layers] = new int[]{hidden, vocab};
        shapes[3 * layers + 1] = new int[]{1, vocab};
        return shapes;
    }

    int[] offsets() {
        int[] offsets = new int[3 * layers + 2];
        for (int l = 0; l < layers; l++) {
            offsets[3 * l] = wx[l];
            offsets[3 * l + 1] = wh[l];
            offsets[3 * l + 2] = bias[l];
        }
        offsets[3 * layers] = wy;
        offsets[3 * layers + 1] = by;
        return offsets;
    }
}
