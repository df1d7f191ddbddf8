/**
 * Completion as you write: the model's state following an edited text (with copies of the state every 64 characters) and the search for the likeliest completions up to the end of a word or phrase. Imports corpus and model only.
 */
package app.scribe.writing;
