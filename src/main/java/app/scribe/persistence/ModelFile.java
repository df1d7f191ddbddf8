package app.scribe.persistence;

import app.scribe.ScribeException;
import app.scribe.corpus.CorpusInfo;
import app.scribe.corpus.Vocabulary;
import app.scribe.model.CellType;
import app.scribe.model.CharModel;
import app.scribe.model.Dl4jCharModel;
import app.scribe.model.Engines;
import app.scribe.model.Hyperparameters;
import app.scribe.model.ParameterSet;
import app.scribe.training.TrainingHistory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Reads and writes .scribe model files: a zip holding {@code manifest.json} and one raw little-endian float32 array
 * per entry under {@code arrays/}. Writing goes to a temporary file in the target folder, forced to disk, then moved
 * over the target atomically. Reading trusts nothing: sizes are checked before anything is allocated.
 */
public final class ModelFile {
    /** 2 records the cell; files of version 1 hold LSTMs. */
    public static final int FORMAT_VERSION = 2;
    public static final String EXTENSION = ".scribe";
    static final String MANIFEST = "manifest.json";
    /** The temperature of the samples in files that did not record one. */
    static final double LEGACY_SAMPLE_TEMPERATURE = 0.7;
    private static final long MAX_MANIFEST_BYTES = 32L << 20;
    private static final long MAX_ARRAY_ELEMENTS = 256L << 20;

    private final ObjectMapper json = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public void save(SavedModel saved, Path target) {
        write(target, saved);
    }

    /**
     * Checks, before a long training run, that {@code target} could be saved: its folder exists or can be made and
     * takes a new file, and the target is not a folder. Throws the message that saving would.
     */
    public void checkWritable(Path target) {
        write(target, null);
    }

    /** Writes the model atomically; with no model, only creates and removes the temporary file. */
    private void write(Path target, SavedModel saved) {
        Path dir = target.toAbsolutePath().getParent();
        String name = String.valueOf(target.getFileName());
        if (Files.isDirectory(target)) {
            throw new ScribeException("Cannot save to " + target + ": it is a folder; name a file such as "
                    + target.resolve("model" + EXTENSION) + ".");
        }
        Path temp = null;
        try {
            Files.createDirectories(dir);
            temp = createTemp(dir, name);
            if (saved == null) {
                return;
            }
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                OutputStream out = Channels.newOutputStream(channel);
                writeZip(saved, out);
                channel.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
        } catch (FileAlreadyExistsException e) {
            // Only createDirectories throws this: part of the folder path is an ordinary file.
            throw new ScribeException("Cannot save " + name + ": " + e.getFile() + " is a file, not a folder.", e);
        } catch (AccessDeniedException e) {
            throw new ScribeException("Cannot save " + name + ": the folder " + dir + " is not writable.", e);
        } catch (FileSystemException e) {
            throw new ScribeException("Cannot save " + name + ": " + describe(e), e);
        } catch (IOException e) {
            throw new ScribeException("Cannot save " + name + ": " + e.getMessage()
                    + " (is the disk full?). Any earlier file of that name is unchanged.", e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // The temp file is hidden and named as such; leaving it behind harms nothing.
                }
            }
        }
    }

    /**
     * A new hidden file beside the target. Not {@link Files#createTempFile}: that makes the file private to its owner
     * (rw-------), and the saved model would keep those permissions instead of the user's usual ones.
     */
    private static Path createTemp(Path dir, String name) throws IOException {
        java.util.SplittableRandom random = new java.util.SplittableRandom();
        for (int attempt = 0; ; attempt++) {
            Path temp = dir.resolve("." + name + "-" + Long.toUnsignedString(random.nextLong(), 36) + ".tmp");
            try {
                return Files.createFile(temp);
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 100) {
                    throw new IOException("cannot create a temporary file in " + dir, e);
                }
            }
        }
    }

    private static String describe(FileSystemException e) {
        String reason = e.getReason() == null ? e.getClass().getSimpleName() : e.getReason();
        return reason + ". Any earlier file of that name is unchanged.";
    }

    private void writeZip(SavedModel saved, OutputStream raw) throws IOException {
        ParameterSet parameters = saved.model().parameters();
        List<Manifest.ArrayEntry> entries = new ArrayList<>();
        for (Map.Entry<String, ParameterSet.Array> e : parameters.arrays().entrySet()) {
            entries.add(new Manifest.ArrayEntry(e.getKey(), e.getValue().shape(), "arrays/" + entries.size() + ".f32"));
        }
        Manifest manifest = new Manifest(FORMAT_VERSION, "Scribe", saved.model().engine(),
                saved.model().hyperparameters(), saved.vocabulary().codePoints(), saved.corpus(),
                toManifest(saved.history()), entries);
        ZipOutputStream zip = new ZipOutputStream(raw);
        zip.putNextEntry(new ZipEntry(MANIFEST));
        zip.write(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
        zip.closeEntry();
        for (Manifest.ArrayEntry entry : entries) {
            float[] data = parameters.get(entry.name()).data();
            zip.putNextEntry(new ZipEntry(entry.entry()));
            ByteBuffer bytes = ByteBuffer.allocate(data.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            bytes.asFloatBuffer().put(data);
            zip.write(bytes.array());
            zip.closeEntry();
        }
        zip.finish();
        raw.flush();
    }

    private static Manifest.History toManifest(TrainingHistory h) {
        return new Manifest.History(h.step(), h.trainingMillis(),
                h.trainingLoss().stream().map(p -> new double[]{p.step(), p.loss()}).toList(),
                h.validationLoss().stream().map(p -> new double[]{p.step(), p.loss()}).toList(),
                h.samples().stream().map(s -> new Manifest.SampleEntry(s.step(), s.temperature(), s.text())).toList());
    }

    public SavedModel load(Path file) {
        String name = String.valueOf(file.getFileName());
        if (!Files.isRegularFile(file)) {
            throw new ScribeException(name + " does not exist or is not a file.");
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return read(zip, name);
        } catch (ScribeException e) {
            throw e;
        } catch (NoSuchFileException e) {
            throw new ScribeException(name + " does not exist.");
        } catch (AccessDeniedException e) {
            throw new ScribeException(name + " cannot be read: permission denied.");
        } catch (ZipException e) {
            throw new ScribeException(name + " is not a Scribe model file (it is not a complete zip archive: it may be"
                    + " truncated or of another kind).");
        } catch (IOException | RuntimeException e) {
            throw new ScribeException(name + " is damaged and cannot be loaded (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ").", e);
        }
    }

    private SavedModel read(ZipFile zip, String name) throws IOException {
        ZipEntry manifestEntry = zip.getEntry(MANIFEST);
        if (manifestEntry == null) {
            throw new ScribeException(name + " is not a Scribe model file: it has no " + MANIFEST + ".");
        }
        Manifest manifest = parseManifest(readBounded(zip, manifestEntry, MAX_MANIFEST_BYTES, name), name);
        Vocabulary vocabulary;
        try {
            vocabulary = new Vocabulary(manifest.vocabulary());
        } catch (ScribeException e) {
            throw new ScribeException(name + " has an invalid vocabulary: " + e.getMessage());
        }
        Hyperparameters hp = manifest.hyperparameters();
        checkSizes(manifest, vocabulary.size(), name);
        ParameterSet parameters = new ParameterSet();
        for (Manifest.ArrayEntry entry : manifest.arrays()) {
            parameters.put(entry.name(), entry.shape(), readArray(zip, entry, name));
        }
        CharModel model;
        try {
            model = Engines.create(manifest.engine(), vocabulary.size(), hp);
        } catch (ScribeException e) {
            throw new ScribeException(name + " needs an engine this version of Scribe lacks: " + e.getMessage());
        }
        ParameterSet expected = model.parameters();
        for (Map.Entry<String, ParameterSet.Array> e : expected.arrays().entrySet()) {
            ParameterSet.Array found = parameters.get(e.getKey());
            if (found == null) {
                throw new ScribeException(name + " is missing the weights '" + e.getKey() + "'.");
            }
            if (!java.util.Arrays.equals(found.shape(), e.getValue().shape())) {
                throw new ScribeException(name + ": weights '" + e.getKey() + "' have shape "
                        + java.util.Arrays.toString(found.shape()) + " but the model's settings and vocabulary of "
                        + vocabulary.size() + " characters need " + java.util.Arrays.toString(e.getValue().shape()) + ".");
            }
        }
        model.load(parameters);
        TrainingHistory history = toHistory(manifest.history());
        if (model instanceof Dl4jCharModel dl4j) {
            // Adam's bias correction depends on the step count; without it a resumed run restarts its warm-up.
            dl4j.setIterationCount(history.step());
        }
        return new SavedModel(model, vocabulary, manifest.corpus(), history);
    }

    /**
     * Compares the sizes of the arrays the manifest lists with those its engine, cell, settings and vocabulary need,
     * before any array is read or any model built, so that a small file claiming a huge network allocates nothing.
     * (Exact shapes are compared with the built model's afterwards.)
     */
    private static void checkSizes(Manifest manifest, int vocabSize, String name) {
        Hyperparameters hp = manifest.hyperparameters();
        Map<String, int[]> needed;
        try {
            needed = Engines.weightShapes(manifest.engine(), vocabSize, hp);
        } catch (ScribeException e) {
            throw new ScribeException(name + " needs an engine this version of Scribe lacks: " + e.getMessage());
        }
        Map<String, int[]> listed = new java.util.HashMap<>();
        for (Manifest.ArrayEntry entry : manifest.arrays()) {
            if (entry.name() != null && entry.shape() != null) {
                listed.put(entry.name(), entry.shape());
            }
        }
        String model = hp.layers() + " x " + hp.hiddenSize() + " " + hp.cell().id() + ", " + vocabSize + " characters";
        for (Map.Entry<String, int[]> e : needed.entrySet()) {
            int[] found = listed.get(e.getKey());
            if (found == null) {
                throw new ScribeException(name + " is missing the weights '" + e.getKey() + "' that its settings ("
                        + model + ") need.");
            }
            if (elements(found) != elements(e.getValue())) {
                throw new ScribeException(name + ": weights '" + e.getKey() + "' have shape "
                        + java.util.Arrays.toString(found) + " but its settings (" + model + ") need "
                        + java.util.Arrays.toString(e.getValue()) + ".");
            }
        }
    }

    private static long elements(int[] shape) {
        long n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    private Manifest parseManifest(byte[] bytes, String name) {
        Manifest manifest;
        try {
            manifest = json.treeToValue(withCell(json.readTree(bytes), name), Manifest.class);
        } catch (JsonProcessingException e) {
            throw new ScribeException(name + " has an unreadable " + MANIFEST + " ("
                    + e.getOriginalMessage() + ").");
        } catch (IOException e) {
            throw new ScribeException(name + " has an unreadable " + MANIFEST + ".");
        }
        if (manifest.formatVersion() > FORMAT_VERSION) {
            throw new ScribeException(name + " was written in model format version " + manifest.formatVersion()
                    + " by a newer Scribe; this version reads up to " + FORMAT_VERSION + ".");
        }
        if (manifest.formatVersion() < 1 || manifest.engine() == null || manifest.hyperparameters() == null
                || manifest.vocabulary() == null || manifest.arrays() == null || manifest.history() == null) {
            throw new ScribeException(name + " has an incomplete " + MANIFEST + ".");
        }
        return manifest;
    }

    /**
     * Files before format 2 did not record the cell: they hold LSTMs. A cell this version does not know is named in
     * the refusal.
     */
    private static JsonNode withCell(JsonNode root, String name) {
        JsonNode hp = root == null ? null : root.get("hyperparameters");
        if (!(hp instanceof ObjectNode settings)) {
            return root;
        }
        JsonNode cell = settings.get("cell");
        if (cell == null && root.path("formatVersion").asInt() < 2) {
            settings.put("cell", CellType.LSTM.name());
        } else if (cell != null && cell.isTextual()) {
            try {
                settings.put("cell", CellType.parse(cell.asText()).name());
            } catch (ScribeException e) {
                throw new ScribeException(name + " holds a " + cell.asText() + " cell, which this version of Scribe "
                        + "does not know (it knows " + CellType.ids() + ").");
            }
        }
        return root;
    }

    private static float[] readArray(ZipFile zip, Manifest.ArrayEntry entry, String name) throws IOException {
        if (entry.shape() == null || entry.name() == null || entry.entry() == null) {
            throw new ScribeException(name + " lists an array without a name, shape or entry.");
        }
        long elements = 1;
        for (int d : entry.shape()) {
            if (d < 0) {
                throw new ScribeException(name + ": array '" + entry.name() + "' has a negative dimension.");
            }
            elements *= d;
            if (elements > MAX_ARRAY_ELEMENTS) {
                throw new ScribeException(name + ": array '" + entry.name() + "' claims more than "
                        + MAX_ARRAY_ELEMENTS + " elements, more than any Scribe model has.");
            }
        }
        ZipEntry zipEntry = zip.getEntry(entry.entry());
        if (zipEntry == null) {
            throw new ScribeException(name + " is missing its entry " + entry.entry() + ".");
        }
        long expectedBytes = elements * Float.BYTES;
        byte[] bytes = readBounded(zip, zipEntry, expectedBytes, name);
        if (bytes.length != expectedBytes) {
            throw new ScribeException(name + ": entry " + entry.entry() + " holds " + bytes.length
                    + " bytes but its shape needs " + expectedBytes + ".");
        }
        float[] data = new float[(int) elements];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(data);
        return data;
    }

    /** Reads at most {@code limit} bytes; a longer entry (a zip bomb, a lying header) is refused, not inflated. */
    private static byte[] readBounded(ZipFile zip, ZipEntry entry, long limit, String name) throws IOException {
        if (entry.getSize() > limit) {
            throw new ScribeException(name + ": entry " + entry.getName() + " is larger than it may be.");
        }
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] bytes = in.readNBytes((int) Math.min(limit, Integer.MAX_VALUE - 8));
            if (in.read() != -1) {
                throw new ScribeException(name + ": entry " + entry.getName() + " is larger than it may be.");
            }
            return bytes;
        }
    }

    private static TrainingHistory toHistory(Manifest.History h) {
        return new TrainingHistory(h.step(), h.trainingMillis(), toPoints(h.trainingLoss()), toPoints(h.validationLoss()),
                h.samples() == null ? List.of()
                        : h.samples().stream().map(s -> new TrainingHistory.Sample(s.step(),
                                s.temperature() == null ? LEGACY_SAMPLE_TEMPERATURE : s.temperature(), s.text())).toList());
    }

    private static List<TrainingHistory.Point> toPoints(List<double[]> pairs) {
        if (pairs == null) {
            return List.of();
        }
        return pairs.stream().filter(p -> p != null && p.length == 2)
                .map(p -> new TrainingHistory.Point((long) p[0], p[1])).toList();
    }
}
