/**
 * The Lab window: one page per experiment of the seed reports, each a view over an experiment of app.scribe.lab that the CLI shares. Imports ui.common only (the choice boxes' labels).
 */
package app.scribe.ui.lab;
