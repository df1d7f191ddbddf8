package app.scribe.engine.fast;

/**
 * Where each weight lives in the one flat parameter block (row-major): per layer l, the blocks of its cell (named
 * {@code l_NAME}); then the output {@code Wy[H, V]}, {@code by[V]} (named after layer {@code layers}, as DL4J does).
 * Gradients and optimizer moments use the same layout, so updates are single loops over the block.
 */
final class Layout {
    /** Builds the cell of one layer whose weights start at {@code base}. */
    interface CellFactory {
        Cell create(int input, int hidden, int base);
    }

    final int vocab;
    final int hidden;
    final int layers;
    private final CellFactory factory;
    private final Cell[] cells;
    final int wy;
    final int by;
    final int size;

    Layout(int vocab, int hidden, int layers, CellFactory factory) {
        this.vocab = vocab;
        this.hidden = hidden;
        this.layers = layers;
        this.factory = factory;
        cells = new Cell[layers];
        int at = 0;
        for (int l = 0; l < layers; l++) {
            cells[l] = factory.create(inputSize(l), hidden, at);
            at = cells[l].end();
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

    /** The cell of {@code layer} as the layout placed it (for its blocks and offsets; holds no state worth sharing). */
    Cell cell(int layer) {
        return cells[layer];
    }

    /** A new cell of {@code layer} with its own scratch space, for a worker or a stepper. */
    Cell newCell(int layer) {
        return factory.create(inputSize(layer), hidden, cells[layer].at(0));
    }

    /** Every array's name, shape and offset in the block, layers first. */
    Block[] blocks() {
        java.util.List<Block> all = new java.util.ArrayList<>();
        for (int l = 0; l < layers; l++) {
            for (Block b : cells[l].blocks()) {
                all.add(new Block(l + "_" + b.name(), b.rows(), b.cols()));
            }
        }
        all.add(new Block(layers + "_W", hidden, vocab));
        all.add(new Block(layers + "_b", 1, vocab));
        return all.toArray(new Block[0]);
    }

    /**
     * Copies {@code from}, a block laid out as this layout, into {@code into}, laid out as {@code grown} (the same
     * model for a larger vocabulary): every array keeps its values at the old characters' rows (the first layer's
     * input weights) and columns (the output's weights and biases); the new characters' rows and columns keep what
     * {@code into} held.
     */
    void copyInto(float[] from, Layout grown, float[] into) {
        Block[] old = blocks();
        Block[] now = grown.blocks();
        int[] oldAt = offsets();
        int[] nowAt = grown.offsets();
        if (old.length != now.length) {
            throw new IllegalArgumentException("the grown layout has other arrays");
        }
        for (int i = 0; i < old.length; i++) {
            Block a = old[i];
            Block b = now[i];
            if (a.cols() == b.cols() && a.rows() <= b.rows()) {
                System.arraycopy(from, oldAt[i], into, nowAt[i], a.size());
            } else if (a.rows() == b.rows() && a.cols() < b.cols()) {
                for (int r = 0; r < a.rows(); r++) {
                    System.arraycopy(from, oldAt[i] + r * a.cols(), into, nowAt[i] + r * b.cols(), a.cols());
                }
            } else {
                throw new IllegalArgumentException(a.name() + " cannot grow into " + b.name());
            }
        }
    }

    /** Offsets of {@link #blocks()}: the blocks lie one after the other. */
    int[] offsets() {
        Block[] all = blocks();
        int[] offsets = new int[all.length];
        int at = 0;
        for (int i = 0; i < all.length; i++) {
            offsets[i] = at;
            at += all[i].size();
        }
        return offsets;
    }
}
