package app.scribe.persistence;

import app.scribe.ScribeException;
import app.scribe.corpus.Vocabulary;
import app.scribe.model.ArrayShapes;
import app.scribe.model.CharModel;
import app.scribe.model.Engines;
import app.scribe.model.Hyperparameters;
import app.scribe.model.ParameterSet;
import app.scribe.training.TrainingHistory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;

/**
 * Reads and writes .scribe model files: a zip ({@link ModelContainer}) holding the manifest ({@link ManifestCodec})
 * and one raw array per entry. Writing goes through {@link AtomicFile}; reading trusts nothing
 * ({@link ModelValidation}): sizes are checked before anything is allocated, checksums before anything is used.
 */
public final class ModelFile {
    public static final int FORMAT_VERSION = ManifestCodec.FORMAT_VERSION;
    public static final String EXTENSION = ".scribe";
    static final String MANIFEST = ModelContainer.MANIFEST;
    static final long MAX_MANIFEST_BYTES = ModelContainer.MAX_MANIFEST_BYTES;

    /** A Scribe model, or nothing: what {@link #save(SavedModel, Path)} may replace. */
    public static final Replace MODELS_ONLY = Replace.onlyIf(OutputGuard::isScribeModel,
            "it is not a Scribe model, and Scribe replaces only models it wrote; choose another name.");

    /** Saves over nothing or over a Scribe model. */
    public void save(SavedModel saved, Path target) {
        save(saved, target, MODELS_ONLY);
    }

    /** Saves if {@code replace} allows what is at the target; returns the file written. */
    public FileIdentity save(SavedModel saved, Path target, Replace replace) {
        ParameterSet parameters = saved.model().parameters();
        ModelValidation.refuseNonFinite(parameters);
        List<Manifest.ArrayEntry> entries = new ArrayList<>();
        for (Map.Entry<String, ParameterSet.Array> e : parameters.arrays().entrySet()) {
            entries.add(new Manifest.ArrayEntry(e.getKey(), e.getValue().shape(), "arrays/" + entries.size() + ".f32"));
        }
        return AtomicFile.write(target, replace,
                out -> ModelContainer.write(out, ManifestCodec.encode(saved, entries), entries, parameters));
    }

    /**
     * Checks, before a long training run, that {@code target} could be saved: its folder exists or can be made and
     * takes a new file, and the target is not a folder, a device, a pipe or a link. Throws the message saving would.
     */
    public void checkWritable(Path target) {
        AtomicFile.checkWritable(target, Replace.ANY_FILE);
    }

    public SavedModel load(Path file) {
        return ModelContainer.read(file, ModelFile::read);
    }

    /**
     * What the file's manifest says, read without its weights; a file that is damaged or not a model gives a summary
     * that says why instead.
     */
    public ModelSummary summary(Path file) {
        try {
            return ModelContainer.read(file, (zip, name) -> summary(file, manifest(zip, name)));
        } catch (ScribeException e) {
            return ModelSummary.damaged(file, e.getMessage());
        }
    }

    private static ModelSummary summary(Path file, Manifest manifest) {
        Hyperparameters hp = manifest.hyperparameters();
        List<double[]> validation = manifest.history().validationLoss();
        Double lastValidation = validation == null || validation.isEmpty() ? null
                : validation.get(validation.size() - 1)[1];
        long parameters = 0;
        try {
            for (int[] shape : Engines.arrayShapes(manifest.engine(), manifest.vocabulary().length, hp).weights()
                    .values()) {
                parameters += ArrayShapes.elements(shape);
            }
        } catch (ScribeException e) {
            return ModelSummary.damaged(file, e.getMessage());
        }
        // A model continued on other texts shows them in order: "vanity_fair.txt → grimm.txt".
        String books = manifest.texts() == null || manifest.texts().size() < 2 ? manifest.corpus().name()
                : String.join(" → ", manifest.texts().stream().map(t -> t.corpus().name()).toList());
        return ModelSummary.of(file, books, hp, parameters, manifest.history().step(), lastValidation);
    }

    private static Manifest manifest(ZipFile zip, String name) throws IOException {
        return ManifestCodec.decode(ModelContainer.manifest(zip, name), name);
    }

    private static SavedModel read(ZipFile zip, String name) throws IOException {
        Manifest manifest = manifest(zip, name);
        Vocabulary vocabulary = ModelValidation.vocabulary(manifest, name);
        ModelValidation.shapes(manifest, vocabulary.size(), name);
        ParameterSet parameters = new ParameterSet();
        for (Manifest.ArrayEntry entry : manifest.arrays()) {
            parameters.put(entry.name(), entry.shape(),
                    ModelValidation.finite(ModelContainer.array(zip, entry, name), entry, name));
        }
        CharModel model = Engines.create(manifest.engine(), vocabulary.size(), manifest.hyperparameters());
        try {
            model.load(parameters);
        } catch (ScribeException e) {
            throw new ScribeException(name + " holds weights Scribe cannot use: " + e.getMessage());
        }
        TrainingHistory history = ManifestCodec.history(manifest);
        model.setIterationCount(history.step());
        return new SavedModel(model, vocabulary, manifest.corpus(), history);
    }
}
