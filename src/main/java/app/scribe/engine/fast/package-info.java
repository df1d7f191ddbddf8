/**
 * The fast engine: {@link app.scribe.engine.fast.FastCharModel} over one off-heap parameter block, its cells (one
 * {@link app.scribe.engine.fast.Cell} class each, named by a {@link app.scribe.model.CellType}), optimisers, workers
 * and threads, OpenBLAS calls and the DL4J export. It may import {@code corpus} and the API in {@code model}.
 */
package app.scribe.engine.fast;
