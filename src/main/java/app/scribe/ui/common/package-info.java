/**
 * What every pane of the window shares: the session (the open books and the model in use), background work handed back to the FX thread, messages, themes, the preferences the window keeps, tints, file dialogs and exports. Imports no other ui package.
 */
package app.scribe.ui.common;
