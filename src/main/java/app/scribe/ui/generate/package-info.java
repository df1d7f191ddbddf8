/**
 * The Generate and Temperatures tabs: sampling, beam search and branching from the model, shown tinted by confidence. Imports ui.common only.
 */
package app.scribe.ui.generate;
