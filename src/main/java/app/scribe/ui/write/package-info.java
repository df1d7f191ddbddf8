/**
 * The Write tab: an editor in which the model suggests how the text goes on. Imports ui.common, ui.training (the weights in use) and ui.score (the size of a text it opens) only.
 */
package app.scribe.ui.write;
