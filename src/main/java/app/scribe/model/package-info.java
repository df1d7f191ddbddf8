/**
 * The model's API: {@link app.scribe.model.CharModel} and its stepper, the settings
 * ({@link app.scribe.model.Hyperparameters}, {@link app.scribe.model.CellType} with each cell's own
 * {@link app.scribe.model.CellOptions}), {@link app.scribe.model.Engines}, the DL4J engine and sampling. It may import
 * {@code corpus} and its engine, {@code model.lstm}; nothing above it (training, persistence, the CLI or the app).
 */
package app.scribe.model;
