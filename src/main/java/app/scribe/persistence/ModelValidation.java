package app.scribe.persistence;

import app.scribe.Printable;
import app.scribe.ScribeException;
import app.scribe.corpus.Normalization;
import app.scribe.corpus.TextMapper;
import app.scribe.corpus.Vocabulary;
import app.scribe.model.ArrayShapes;
import app.scribe.model.Engines;
import app.scribe.model.ParameterSet;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a model file must satisfy before and after its arrays are read: a usable cleaning and vocabulary, an engine
 * this version has, every array in the shape the settings imply (checked before anything is inflated, so a small
 * file claiming huge arrays allocates nothing), a size that fits the memory, and finite weights.
 */
final class ModelValidation {
    private ModelValidation() {
    }

    static Vocabulary vocabulary(Manifest manifest, String name) {
        TextMapper mapper;
        try {
            mapper = manifest.cleaning() == null ? TextMapper.KEEP : manifest.cleaning().mapper();
        } catch (ScribeException e) {
            throw new ScribeException(name + " has an invalid cleaning: " + e.getMessage());
        }
        try {
            return new Vocabulary(manifest.vocabulary(), Normalization.ofManifestName(manifest.normalization()),
                    mapper);
        } catch (ScribeException e) {
            throw new ScribeException(name + " has an invalid vocabulary: " + e.getMessage());
        }
    }

    /** The arrays the manifest's engine and settings imply, after checking that the file lists exactly them. */
    static ArrayShapes shapes(Manifest manifest, int vocabSize, String name) {
        ArrayShapes shapes;
        try {
            shapes = Engines.arrayShapes(manifest.engine(), vocabSize, manifest.hyperparameters());
        } catch (ScribeException e) {
            throw new ScribeException(name + " needs an engine this version of Scribe lacks: "
                    + Printable.escape(e.getMessage()));
        }
        checkArrays(manifest.arrays(), shapes, vocabSize, name);
        refuseIfTooLargeForMemory(shapes, name);
        return shapes;
    }

    /** Each listed array must be one the settings imply, in the shape they imply, once; every weight must be there. */
    private static void checkArrays(List<Manifest.ArrayEntry> entries, ArrayShapes shapes, int vocabSize,
                                    String name) {
        Set<String> names = new HashSet<>();
        Set<String> zipEntries = new HashSet<>();
        for (Manifest.ArrayEntry entry : entries) {
            if (entry == null || entry.shape() == null || entry.name() == null || entry.entry() == null) {
                throw new ScribeException(name + " lists an array without a name, shape or entry.");
            }
            String array = Printable.escape(entry.name());
            int[] expected = shapes.shapeOf(entry.name());
            if (expected == null) {
                throw new ScribeException(name + " lists an array '" + array + "' that its model does not have.");
            }
            if (!Arrays.equals(expected, entry.shape())) {
                throw new ScribeException(name + ": weights '" + array + "' have shape "
                        + Arrays.toString(entry.shape()) + " but the model's settings and vocabulary of "
                        + vocabSize + " characters need " + Arrays.toString(expected) + ".");
            }
            if (!names.add(entry.name())) {
                throw new ScribeException(name + " lists the array '" + array + "' twice.");
            }
            if (!zipEntries.add(entry.entry())) {
                throw new ScribeException(name + " names the entry " + Printable.escape(entry.entry())
                        + " for two arrays.");
            }
        }
        for (String weight : shapes.weights().keySet()) {
            if (!names.contains(weight)) {
                throw new ScribeException(name + " is missing the weights '" + weight + "'.");
            }
        }
    }

    /** The arrays are held twice while the model is built: as read, and in the model. */
    private static void refuseIfTooLargeForMemory(ArrayShapes shapes, String name) {
        long needed = 2 * shapes.elements() * Float.BYTES;
        long available = Runtime.getRuntime().maxMemory();
        if (needed > available) {
            throw new ScribeException(name + " holds a model too large for the memory Java may use: it needs about "
                    + (needed >> 20) + " MB, and Java may use " + (available >> 20)
                    + " MB; give Java more memory (java -Xmx8g ...).");
        }
    }

    /** A diverged model would load as gibberish; refusing it keeps the earlier, good file of that name. */
    static void refuseNonFinite(ParameterSet parameters) {
        for (ParameterSet.Array array : parameters.arrays().values()) {
            if (!allFinite(array.data())) {
                throw new ScribeException("The model's weights are not finite numbers (NaN or infinity): training"
                        + " diverged, so it was not saved; any earlier file of that name is unchanged. Lower the"
                        + " learning rate and train again.");
            }
        }
    }

    /** Refuses an array read from a file that holds NaN or infinities. */
    static float[] finite(float[] data, Manifest.ArrayEntry entry, String name) {
        if (!allFinite(data)) {
            throw new ScribeException(name + " holds numbers that are not finite (NaN or infinity) in '"
                    + Printable.escape(entry.name()) + "': the model diverged in training or the file is damaged.");
        }
        return data;
    }

    private static boolean allFinite(float[] data) {
        for (float f : data) {
            if (!Float.isFinite(f)) {
                return false;
            }
        }
        return true;
    }
}
