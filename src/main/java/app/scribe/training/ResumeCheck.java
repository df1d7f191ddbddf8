package app.scribe.training;

import app.scribe.ScribeException;
import app.scribe.corpus.Cleaning;
import app.scribe.corpus.Corpus;
import app.scribe.corpus.Vocabulary;
import app.scribe.corpus.CorpusInfo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Decides whether a saved model may continue training on a corpus (char-rnn's rule: same vocabulary or refuse). */
public final class ResumeCheck {
    private ResumeCheck() {
    }

    /** The start of a fingerprint; a model file may hold a damaged (short) one. */
    private static String abbreviate(String sha256) {
        return sha256.substring(0, Math.min(12, sha256.length()));
    }

    /** Throws when the vocabularies differ; returns a warning when only the text differs, else null. */
    public static String check(Vocabulary modelVocabulary, CorpusInfo trainedOn, Corpus corpus) {
        Cleaning modelCleaning = modelVocabulary.mapper().cleaning();
        if (!modelCleaning.equals(corpus.vocabulary().mapper().cleaning())) {
            throw new ScribeException("Cannot resume on " + corpus.name() + " cleaned as "
                    + corpus.vocabulary().mapper().cleaning() + ": the model learnt from text cleaned as "
                    + modelCleaning + ". Choose that cleaning to continue it.");
        }
        // Characters only: a model saved before text was normalised may continue on the normalised text.
        if (!Arrays.equals(modelVocabulary.codePoints(), corpus.vocabulary().codePoints())) {
            List<String> missing = new ArrayList<>();
            for (int cp : corpus.vocabulary().codePoints()) {
                if (modelVocabulary.indexOf(cp) < 0) {
                    missing.add(Vocabulary.describeWithCodePoint(cp));
                }
            }
            List<String> unused = new ArrayList<>();
            for (int cp : modelVocabulary.codePoints()) {
                if (corpus.vocabulary().indexOf(cp) < 0) {
                    unused.add(Vocabulary.describeWithCodePoint(cp));
                }
            }
            throw new ScribeException("Cannot resume on " + corpus.name() + ": its characters differ from the model's."
                    + (missing.isEmpty() ? "" : " The model lacks: " + Vocabulary.firstOf(missing) + ".")
                    + (unused.isEmpty() ? "" : " The text lacks: " + Vocabulary.firstOf(unused) + "."));
        }
        if (trainedOn != null && trainedOn.sha256() != null && !trainedOn.sha256().equals(corpus.sha256())) {
            return "the model was trained on " + trainedOn.name() + " (SHA-256 " + abbreviate(trainedOn.sha256())
                    + "…) and now continues on " + corpus.name() + " (SHA-256 " + abbreviate(corpus.sha256()) + "…).";
        }
        return null;
    }
}
