package app.scribe.persistence;

import app.scribe.corpus.CorpusInfo;
import app.scribe.model.Hyperparameters;

import java.util.List;

/** manifest.json of a model file: everything but the arrays, which are stored beside it as raw floats. */
record Manifest(int formatVersion, String app, String engine, Hyperparameters hyperparameters, int[] vocabulary,
                CorpusInfo corpus, History history, List<ArrayEntry> arrays) {

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
