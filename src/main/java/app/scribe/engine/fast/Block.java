package app.scribe.engine.fast;

/** One named weight array of a layer, row-major {@code [rows, cols]}. */
record Block(String name, int rows, int cols) {
    int size() {
        return rows * cols;
    }
}
