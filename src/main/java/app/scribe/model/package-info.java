/**
 * The model's API: {@link app.scribe.model.CharModel} (with {@link app.scribe.model.AbstractCharModel}, what every
 * model reports as it was made) and its stepper, the settings
 * ({@link app.scribe.model.Hyperparameters}, {@link app.scribe.model.CellType} with each cell's own
 * {@link app.scribe.model.CellOptions}), {@link app.scribe.model.Engines}, which names the engines, and the memory a
 * size needs. It may import {@code corpus} and the engines ({@code engine.fast}, {@code engine.dl4j}), which implement
 * it; nothing above it (generation, training, persistence, the CLI or the app).
 */
package app.scribe.model;
