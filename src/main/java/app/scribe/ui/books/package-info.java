/**
 * The Books column: the list of shipped, opened and downloaded books, their statistics and preview, and the Cleaning panel. Imports ui.common only.
 */
package app.scribe.ui.books;
