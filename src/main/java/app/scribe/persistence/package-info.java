/**
 * Files: the one way Scribe writes a file ({@link app.scribe.persistence.AtomicFile}: whole or not at all, never
 * over a file it did not write), the .scribe model format (zip container, manifest codec with its migrations,
 * validation, summaries), checkpoints, output locks and the rules for replacing outputs. May import the model API,
 * corpus and training-history types; never a concrete engine, the UI or the CLI.
 */
package app.scribe.persistence;
