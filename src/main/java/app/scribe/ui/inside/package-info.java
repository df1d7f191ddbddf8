/**
 * The Inside tab: a text coloured by one cell's state, and the cells Scribe finds interesting. Imports ui.common and ui.generate only.
 */
package app.scribe.ui.inside;
