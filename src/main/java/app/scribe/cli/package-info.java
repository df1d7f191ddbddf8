/**
 * The command line (picocli): one command class each, with mixins for the options several share
 * ({@link app.scribe.cli.ModelFileOption}, {@link app.scribe.cli.ModelOptions},
 * {@link app.scribe.cli.OptimizerOptions}, {@link app.scribe.cli.SamplingOptions}) and the cells' flags taken from {@link app.scribe.model.CellType}; the
 * {@code lab} pages' commands print through {@link app.scribe.cli.LabReport}; picocli's refusals of a command
 * line are told in the CLI's words by {@link app.scribe.cli.ParameterErrors}. It may import every package but
 * {@code ui}.
 */
package app.scribe.cli;
