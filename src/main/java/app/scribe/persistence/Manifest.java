package app.scribe.persistence;

import app.scribe.corpus.CorpusInfo;
import app.scribe.model.Hyperparameters;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * manifest.json of a model file: everything but the arrays, which are stored beside it as raw floats.
 * {@code normalization} is the Unicode form of the model's text ("NFC"), absent from files written before Scribe
 * normalised text.
 */
record Manifest(int formatVersion, String app, String engine, Hyperparameters hyperparameters, int[] vocabulary,
                @JsonInclude(JsonInclude.Include.NON_NULL) String normalization, CorpusInfo corpus, History history,
                List<ArrayEntry> arrays) {

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
