package app.scribe.training;

import app.scribe.ScribeException;
import app.scribe.corpus.Cleaning;
import app.scribe.corpus.Corpus;
import app.scribe.corpus.Vocabulary;
import app.scribe.corpus.CorpusInfo;

/**
 * Decides whether a saved model may continue training on a corpus: only on text cleaned as its own was. Characters
 * it never saw are no reason to refuse: its vocabulary grows ({@link VocabularyGrowth}).
 */
public final class ResumeCheck {
    private ResumeCheck() {
    }

    /** The start of a fingerprint; a model file may hold a damaged (short) one. */
    private static String abbreviate(String sha256) {
        return sha256.substring(0, Math.min(12, sha256.length()));
    }

    /** Throws when the cleanings differ; returns a note when the text differs from the model's last, else null. */
    public static String check(Vocabulary modelVocabulary, CorpusInfo trainedOn, Corpus corpus) {
        Cleaning modelCleaning = modelVocabulary.mapper().cleaning();
        if (!modelCleaning.equals(corpus.vocabulary().mapper().cleaning())) {
            throw new ScribeException("Cannot resume on " + corpus.name() + " cleaned as "
                    + corpus.vocabulary().mapper().cleaning() + ": the model learnt from text cleaned as "
                    + modelCleaning + ". Choose that cleaning to continue it.");
        }
        if (trainedOn != null && trainedOn.sha256() != null && !trainedOn.sha256().equals(corpus.sha256())) {
            return "the model was trained on " + trainedOn.name() + " (SHA-256 " + abbreviate(trainedOn.sha256())
                    + "…) and now continues on " + corpus.name() + " (SHA-256 " + abbreviate(corpus.sha256()) + "…).";
        }
        return null;
    }
}
