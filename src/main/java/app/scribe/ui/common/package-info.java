/**
 * What every pane of the window shares: the session (the open books and the model in use), background work handed back to the FX thread and how a job's Run/Stop and progress bar follow it, spinners bound to a view-model within a range and what is wrong with the numbers typed in a pane's fields (an action refuses to run until they are fixed), messages (a problem taken back once fixed), themes, the preferences the window keeps, tints, file dialogs and exports. Imports no other ui package.
 */
package app.scribe.ui.common;
