package app.scribe.persistence;

import app.scribe.corpus.CorpusInfo;
import app.scribe.corpus.Vocabulary;
import app.scribe.model.CharModel;
import app.scribe.training.TrainingHistory;

/** Everything one .scribe file holds. */
public record SavedModel(CharModel model, Vocabulary vocabulary, CorpusInfo corpus, TrainingHistory history) {
}
