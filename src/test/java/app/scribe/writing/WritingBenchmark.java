package app.scribe.writing;

import app.scribe.corpus.BatchSource;
import app.scribe.corpus.Corpus;
import app.scribe.corpus.CorpusReader;
import app.scribe.persistence.ModelFile;
import app.scribe.persistence.SavedModel;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * The Write tab's figures in BENCHMARKS.md. {@code latency MODEL BOOK}: the time from a keystroke to the suggestion
 * (state update plus search, the 150 ms typing pause not counted) at the end of a 50,000-character text, after an
 * edit in its middle (the caret at the edit), and when the caret goes back to the end after that edit.
 * {@code saved MODEL BOOK FROM CHARS}: keystrokes saved by taking correct word suggestions with Tab.
 */
public final class WritingBenchmark {
    private static final int TEXT = 50_000;
    private static final int REPEATS = 40;

    private WritingBenchmark() {
    }

    public static void main(String[] args) {
        SavedModel saved = new ModelFile().load(Path.of(args[1]));
        String book = text(new CorpusReader().read(Path.of(args[2])));
        if (args[0].equals("latency")) {
            latency(saved, book);
        } else {
            int from = args[3].equals("held-back")
                    ? (int) Math.round(book.length() * (1 - BatchSource.VALIDATION_SHARE)) : Integer.parseInt(args[3]);
            keystrokesSaved(saved, book.substring(from, from + Integer.parseInt(args[4])));
        }
    }

    private static String text(Corpus corpus) {
        StringBuilder out = new StringBuilder(corpus.length());
        for (char index : corpus.indices()) {
            out.append(corpus.vocabulary().charAt(index));
        }
        return out.toString();
    }

    private static void latency(SavedModel saved, String book) {
        Completer completer = new Completer(saved.model(), saved.vocabulary());
        String text = book.substring(0, TEXT);
        long start = System.nanoTime();
        completer.complete(text, Until.WORD, 5, CompletionSearch.greedy(), () -> false);
        System.out.printf(Locale.ROOT, "first read of %,d characters: %.0f ms%n", TEXT,
                (System.nanoTime() - start) / 1e6);
        double[] end = new double[REPEATS];
        double[] search = new double[REPEATS];
        double characters = 0;
        for (int i = 0; i < REPEATS; i++) {
            text = text + book.charAt(TEXT + i);
            long t = System.nanoTime();
            Completer.Suggestions s = completer.complete(text, Until.WORD, 5, CompletionSearch.greedy(), () -> false);
            end[i] = (System.nanoTime() - t) / 1e6;
            search[i] = s.searchNanos() / 1e6;
            characters += s.completions().stream().mapToInt(c -> c.text().length()).sum()
                    / (double) s.completions().size();
        }
        System.out.printf(Locale.ROOT, "mean completion length: %.1f characters%n", characters / REPEATS);
        report("typing at the end (1 character read + search)", end);
        report("  of which the search", search);
        double[] middle = new double[REPEATS];
        double[] backToEnd = new double[REPEATS];
        int at = text.length() / 2;
        for (int i = 0; i < REPEATS; i++) {
            text = text.substring(0, at) + book.charAt(at + 100 + i) + text.substring(at);
            long t = System.nanoTime();
            completer.complete(text.substring(0, at + 1), Until.WORD, 5, CompletionSearch.greedy(), () -> false);
            middle[i] = (System.nanoTime() - t) / 1e6;
            t = System.nanoTime();
            completer.complete(text, Until.WORD, 5, CompletionSearch.greedy(), () -> false);
            backToEnd[i] = (System.nanoTime() - t) / 1e6;
            at++;
        }
        report("edit in the middle, caret at the edit", middle);
        report("then the caret back at the end (re-reads the second half)", backToEnd);
    }

    private static void report(String what, double[] millis) {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%s: median %.1f ms, p90 %.1f ms, max %.1f ms (%d runs)%n", what,
                sorted[sorted.length / 2], sorted[(int) (sorted.length * 0.9)], sorted[sorted.length - 1],
                sorted.length);
    }

    /**
     * A writer types the text character by character and, whenever the suggestion shown at the caret (the ghost,
     * up to the end of the next word) is exactly what comes next and ends where the word ends, presses Tab instead.
     * Each character typed and each Tab is one keystroke; saved = 1 - keystrokes / characters.
     */
    private static void keystrokesSaved(SavedModel saved, String text) {
        Completer completer = new Completer(saved.model(), saved.vocabulary());
        int keystrokes = 0;
        int accepted = 0;
        int acceptedCharacters = 0;
        int position = 0;
        long start = System.nanoTime();
        while (position < text.length()) {
            var found = completer.complete(text.substring(0, position), Until.WORD, 1, CompletionSearch.greedy(),
                    () -> false).completions();
            String ghost = found.isEmpty() ? "" : found.get(0).text();
            int end = position + ghost.length();
            keystrokes++;
            if (!ghost.isEmpty() && text.startsWith(ghost, position)
                    && (end == text.length() || !Until.isWordCharacter(text.codePointAt(end)))) {
                accepted++;
                acceptedCharacters += ghost.length();
                position = end;
            } else {
                position++;
            }
        }
        System.out.printf(Locale.ROOT, "%,d characters, %,d keystrokes (%,d Tabs taking %,d characters): %.1f%% of"
                        + " keystrokes saved; %.0f s%n", text.length(), keystrokes, accepted, acceptedCharacters,
                100.0 * (text.length() - keystrokes) / text.length(), (System.nanoTime() - start) / 1e9);
    }
}
