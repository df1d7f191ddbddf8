package app.scribe.writing;

import app.scribe.corpus.Vocabulary;
import app.scribe.model.CharModel;

import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Suggests how a text goes on: keeps the model's state following the text ({@link ReadingState}) and searches
 * from it ({@link CompletionSearch}). The text is put in the model's form first, as prompts are. Owns its model; one
 * thread at a time.
 */
public final class Completer {
    /**
     * What was suggested after a text.
     *
     * @param completions  likeliest first; empty when cancelled before any was found
     * @param unknown      characters of the text the model does not know, skipped
     * @param stepped      characters stepped to bring the state to the text
     * @param searchNanos  time of the search, after the state was ready
     * @param redrawn      characters the copy limit drew again (varied) or whose likeliest choice it passed
     *                     over (greedy)
     */
    public record Suggestions(List<Completion> completions, int unknown, int stepped, long searchNanos, int redrawn) {
    }

    private final Vocabulary vocabulary;
    private final ReadingState state;

    public Completer(CharModel model, Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
        this.state = new ReadingState(model, vocabulary);
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** The {@code n} likeliest completions of {@code text} (as typed) that {@code search} finds. */
    public Suggestions complete(String text, Until until, int n, CompletionSearch search, BooleanSupplier cancelled) {
        String prepared = vocabulary.prepare(text);
        int stepped = state.readTo(prepared, cancelled);
        if (!state.complete()) {
            return new Suggestions(List.of(), state.unknown(), stepped, 0, 0);
        }
        long started = System.nanoTime();
        List<Completion> found = search.search(vocabulary, state.branch(), state.next(), until, n, cancelled,
                prepared);
        return new Suggestions(found, state.unknown(), stepped, System.nanoTime() - started, search.redrawn());
    }
}
