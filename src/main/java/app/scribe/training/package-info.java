/**
 * Training: the {@link app.scribe.training.Trainer} loop, its plan, history, events and checkpoint policy, and
 * {@link app.scribe.training.TrainingStart}, the one way the CLI and the app start a run. It may import
 * {@code corpus} and {@code model}; files are reached through {@link app.scribe.training.CheckpointOutput}, which
 * {@code persistence} implements, so that no import runs back up.
 */
package app.scribe.training;
