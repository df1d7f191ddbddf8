package app.scribe.writing;

/**
 * A suggested continuation of a text and the probability that the model writes exactly it: its characters, and
 * then (for a word or a phrase) an end of the word or phrase. Distinct completions are disjoint events, so the
 * probabilities of a list of them sum to at most one.
 */
public record Completion(String text, double probability) {
}
