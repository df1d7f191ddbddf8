/**
 * The training pane: the form of settings ({@code TrainingForm}), the run and its controls ({@code TrainingViewModel}),
 * what the pane shows of a run ({@code RunFeed}: status, progress, the live loss chart, the samples taken while
 * training), the size advice and the Timeline tab. Imports ui.common only.
 */
package app.scribe.ui.training;
