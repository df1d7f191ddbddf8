/**
 * The training pane: the form of settings, the controls, the live loss chart, the samples taken while training, the size advice and the Timeline tab. Imports ui.common only.
 */
package app.scribe.ui.training;
