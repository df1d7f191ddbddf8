package app.scribe.training;

import app.scribe.corpus.Corpus;
import app.scribe.corpus.TextMapper;
import app.scribe.corpus.Vocabulary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a model's vocabulary becomes when it continues on a text: its own characters at their own indices, then the
 * text's characters it never saw, sorted among themselves; and the text in those indices. The text was cleaned as
 * the model's was (its cleaning's options); the characters it made rare go to the model's placeholder when the model
 * has one, else to the text's, which the model then learns.
 *
 * @param vocabulary the model's vocabulary from now on
 * @param added      the code points added, in index order
 * @param corpus     the text in {@code vocabulary}'s indices
 */
public record VocabularyGrowth(Vocabulary vocabulary, int[] added, Corpus corpus) {

    /** How {@code model} grows to read {@code text}; no growth at all when the text has only its characters. */
    public static VocabularyGrowth of(Vocabulary model, Corpus text) {
        Vocabulary textVocabulary = text.vocabulary();
        TextMapper modelMapper = model.mapper();
        TextMapper textMapper = textVocabulary.mapper();
        TextMapper mapper = !modelMapper.hasPlaceholder() && textMapper.hasPlaceholder() ? textMapper : modelMapper;
        int[] targets = new int[textVocabulary.size()];
        List<Integer> added = new ArrayList<>();
        for (int i = 0; i < targets.length; i++) {
            int codePoint = textVocabulary.codePointAt(i);
            if (textMapper.hasPlaceholder() && codePoint == textMapper.placeholder()) {
                codePoint = mapper.placeholder();
            }
            targets[i] = codePoint;
            if (model.indexOf(codePoint) < 0 && !added.contains(codePoint)) {
                added.add(codePoint);
            }
        }
        int[] newCodePoints = added.stream().mapToInt(Integer::intValue).sorted().toArray();
        Vocabulary grown = model.grown(newCodePoints, textVocabulary.normalization(), mapper);
        if (grown.equals(textVocabulary)) {
            return new VocabularyGrowth(textVocabulary, newCodePoints, text);
        }
        int[] map = new int[targets.length];
        for (int i = 0; i < map.length; i++) {
            map[i] = grown.indexOf(targets[i]);
        }
        return new VocabularyGrowth(grown, newCodePoints, text.reindexed(grown, map));
    }

    /**
     * How many characters of {@code text} {@code model} never saw (its placeholder aside): a quick count over the
     * two vocabularies, for suggesting a rate before anything is grown.
     */
    public static int newCharacters(Vocabulary model, Corpus text) {
        Vocabulary textVocabulary = text.vocabulary();
        TextMapper textMapper = textVocabulary.mapper();
        int count = 0;
        for (int i = 0; i < textVocabulary.size(); i++) {
            int codePoint = textVocabulary.codePointAt(i);
            boolean placeholder = textMapper.hasPlaceholder() && codePoint == textMapper.placeholder();
            if (!placeholder && model.indexOf(codePoint) < 0) {
                count++;
            }
        }
        return count;
    }

    /** Whether the text brought characters the model never saw. */
    public boolean grows() {
        return added.length > 0;
    }

    /** "12 new characters: 'é' (U+00E9) 'ë' (U+00EB) …", or null when nothing was added. */
    public String sentence() {
        if (!grows()) {
            return null;
        }
        List<String> named = Arrays.stream(added).mapToObj(Vocabulary::describeWithCodePoint).toList();
        return added.length + " new character" + (added.length == 1 ? "" : "s") + ": " + Vocabulary.firstOf(named)
                + ".";
    }
}
