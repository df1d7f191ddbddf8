/**
 * What every pane of the window shares: the session (the open books and the model in use), background work handed back to the FX thread and how a job's Run/Stop and progress bar follow it, spinners bound to a view-model within a range, messages, themes, the preferences the window keeps, tints, file dialogs and exports. Imports no other ui package.
 */
package app.scribe.ui.common;
