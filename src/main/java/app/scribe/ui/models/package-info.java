/**
 * The saved models: the model files' cards, saving, loading, renaming and deleting, the starter models, autosave targets. Imports ui.common and ui.training (a new model asks the training pane first) only.
 */
package app.scribe.ui.models;
