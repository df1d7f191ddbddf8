/**
 * The user's library of books from Project Gutenberg: the catalog (read row by row under caps), mirrors, downloads
 * that land whole through {@link app.scribe.persistence.AtomicFile} or not at all (one request at a time, with a
 * deadline and a minimum rate), and the library's own small files. May import the corpus reader and persistence's
 * file writing; never the UI or the CLI.
 */
package app.scribe.library;
