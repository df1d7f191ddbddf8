/**
 * The library window: search Project Gutenberg's catalog and download books into the user's library. Imports ui.common and ui.books only.
 */
package app.scribe.ui.library;
