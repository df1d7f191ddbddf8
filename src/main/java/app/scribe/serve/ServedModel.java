package app.scribe.serve;

import app.scribe.corpus.Vocabulary;
import app.scribe.model.CharModel;
import app.scribe.generation.Generator;
import app.scribe.model.Hyperparameters;
import app.scribe.persistence.SavedModel;
import app.scribe.training.TrainingHistory;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Arrays;
import java.util.Locale;

/** The model a server answers with: its name, its read-only weights, its vocabulary and its card. */
final class ServedModel {
    final String id;
    final CharModel model;
    final Vocabulary vocabulary;
    final Generator generator;
    /** Each vocabulary entry as a string, made once rather than for every character written. */
    final String[] characters;
    private final ObjectNode card;

    /** Snapshots the weights of {@code saved} (see {@link SharedWeights}); {@code id} names it in every answer. */
    ServedModel(String id, SavedModel saved, long created) {
        this.id = id;
        this.model = new SharedWeights(saved.model());
        this.vocabulary = saved.vocabulary();
        this.generator = new Generator(model, vocabulary);
        this.characters = new String[vocabulary.size()];
        Arrays.setAll(characters, vocabulary::charAt);
        this.card = card(id, saved, created);
    }

    /** The file name without {@code .scribe}: what clients send as {@code model}. */
    static String idOf(String fileName) {
        return fileName.toLowerCase(Locale.ROOT).endsWith(".scribe")
                ? fileName.substring(0, fileName.length() - ".scribe".length()) : fileName;
    }

    /** {@code GET /v1/models}'s entry: OpenAI's model object plus what the app's model card shows. */
    ObjectNode card() {
        return card.deepCopy();
    }

    private static ObjectNode card(String id, SavedModel saved, long created) {
        Hyperparameters hp = saved.model().hyperparameters();
        TrainingHistory history = saved.history();
        ObjectNode card = JsonNodeFactory.instance.objectNode();
        card.put("id", id);
        card.put("object", "model");
        card.put("created", created);
        card.put("owned_by", "scribe");
        card.put("book", saved.corpus().name());
        card.put("book_characters", saved.corpus().characters());
        card.put("cell", hp.cell().id());
        card.put("layers", hp.layers());
        card.put("hidden_size", hp.hiddenSize());
        card.put("size", hp.layers() + " x " + hp.hiddenSize());
        card.put("vocabulary_size", saved.vocabulary().size());
        card.put("engine", saved.model().engine());
        card.put("step", history.step());
        Double validation = history.lastValidationLoss();
        if (validation == null) {
            card.putNull("validation_loss");
        } else {
            card.put("validation_loss", validation);
        }
        card.put("validation_loss_unit", "nats per character");
        return card;
    }
}
