package app.scribe.persistence;

import app.scribe.corpus.Cleaning;
import app.scribe.corpus.CorpusInfo;
import app.scribe.corpus.TextMapper;
import app.scribe.model.Hyperparameters;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * manifest.json of a model file: everything but the arrays, which are stored beside it as raw floats.
 * {@code normalization} is the Unicode form of the model's text ("NFC"), absent from files written before Scribe
 * normalised text. {@code cleaning} is what was done to the text's characters, absent when it was kept as is (and
 * from files written before cleaning). {@code corpus} is the text the model was trained on last, {@code texts} every
 * text it was trained on, in order, each from the step it began at (absent before format 5: then {@code corpus}
 * alone). {@code vocabulary} is in index order: ascending, then the characters each later text added.
 */
record Manifest(int formatVersion, String app, String engine, Hyperparameters hyperparameters, int[] vocabulary,
                @JsonInclude(JsonInclude.Include.NON_NULL) String normalization,
                @JsonInclude(JsonInclude.Include.NON_NULL) CleaningEntry cleaning, CorpusInfo corpus,
                @JsonInclude(JsonInclude.Include.NON_NULL) List<TextEntry> texts, History history,
                List<ArrayEntry> arrays) {

    /** One text the model was trained on, from step {@code fromStep}. */
    record TextEntry(long fromStep, CorpusInfo corpus) {
    }

    /** A {@link Cleaning} and its placeholder (a code point, absent when no character was rare). */
    record CleaningEntry(boolean ascii, boolean lowercase, int rareBelow,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Integer placeholder) {

        /** The entry for a mapper; null for text kept as is. */
        static CleaningEntry of(TextMapper mapper) {
            Cleaning c = mapper.cleaning();
            return c.keepsAsIs() ? null : new CleaningEntry(c.ascii(), c.lowercase(), c.rareBelow(),
                    mapper.hasPlaceholder() ? mapper.placeholder() : null);
        }

        TextMapper mapper() {
            return new TextMapper(new Cleaning(ascii, lowercase, rareBelow),
                    placeholder == null ? TextMapper.NO_PLACEHOLDER : placeholder);
        }
    }

    record History(long step, long trainingMillis, List<double[]> trainingLoss, List<double[]> validationLoss,
                   List<SampleEntry> samples) {
    }

    /** {@code temperature} is absent from files written before samples had several temperatures (then 0.7). */
    record SampleEntry(long step, Double temperature, String text) {
    }

    /** One raw array: little-endian float32, row-major, in zip entry {@code entry}. */
    record ArrayEntry(String name, int[] shape, String entry) {
    }
}
