package app.scribe.persistence;

import app.scribe.ScribeException;
import app.scribe.corpus.CorpusInfo;
import app.scribe.corpus.Normalization;
import app.scribe.corpus.TextMapper;
import app.scribe.corpus.Vocabulary;
import app.scribe.Printable;
import app.scribe.model.ArrayShapes;
import app.scribe.model.CellType;
import app.scribe.model.CharModel;
import app.scribe.model.Dl4jCharModel;
import app.scribe.model.Engines;
import app.scribe.model.Hyperparameters;
import app.scribe.model.ParameterSet;
import app.scribe.training.SizeAdvice;
import app.scribe.training.TrainingHistory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;

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
    /**
     * 2 records the cell and the weight decay; files of version 1 hold LSTMs without weight decay. 3 records a
     * cleaning. 4 records a cell's own settings as {@code hyperparameters.cellOptions}, where 2 and 3 had the
     * tglstm's {@code timeGateLeak}; every model is written as 4, since earlier Scribes would miss that field.
     */
    public static final int FORMAT_VERSION = 4;
    /** The version that replaced the time gate leak by the cell's own settings. */
    private static final int VERSION_WITH_CELL_OPTIONS = 4;
    public static final String EXTENSION = ".scribe";
    static final String MANIFEST = "manifest.json";
    private static final String TEMP_PREFIX = ".";
    private static final String TEMP_SUFFIX = ".tmp";
    /** The temperature of the samples in files that did not record one. */
    static final double LEGACY_SAMPLE_TEMPERATURE = 0.7;
    static final long MAX_MANIFEST_BYTES = 32L << 20;
    /** A curve point every 5 steps for a million steps; a longer history would not fit the manifest's size. */
    private static final int MAX_HISTORY_POINTS = 1_000_000;
    private static final int MAX_HISTORY_SAMPLES = 100_000;
    private static final int MAX_SAMPLE_CHARS = 100_000;

    /** Made on first use (a save or a load, off the FX thread), not when the app opens: Jackson is ~370 classes. */
    private static final class Json {
        static final ObjectMapper MAPPER = strictReader();
    }

    /**
     * Unknown fields are ignored (a newer minor version may add some), but a value of the wrong type is refused
     * rather than converted: {@code "formatVersion": "1"} or {@code 1.5} is damage, not a version.
     */
    private static ObjectMapper strictReader() {
        ObjectMapper mapper = new ObjectMapper()
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .configure(DeserializationFeature.ACCEPT_FLOAT_AS_INT, false)
                .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true)
                .configure(JsonParser.Feature.STRICT_DUPLICATE_DETECTION, true);
        for (LogicalType scalar : new LogicalType[]{LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            mapper.coercionConfigFor(scalar).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        return mapper;
    }

    public void save(SavedModel saved, Path target) {
        write(target, saved);
    }

    /**
     * Checks, before a long training run, that {@code target} could be saved: its folder exists or can be made and
     * takes a new file, and the target is not a folder, a device or a pipe. Throws the message that saving would.
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
        if (Files.exists(target) && !Files.isRegularFile(target)) {
            // Moving a file over a device or a pipe would replace it, not write to it.
            throw new ScribeException("Cannot save to " + target + ": it is not a regular file (a device, a pipe or"
                    + " a socket); name a .scribe file instead.");
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
            Path temp = dir.resolve(TEMP_PREFIX + name + "-" + Long.toUnsignedString(random.nextLong(), 36) + TEMP_SUFFIX);
            try {
                return Files.createFile(temp);
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 100) {
                    throw new IOException("cannot create a temporary file in " + dir, e);
                }
            }
        }
    }

    /** Whether {@code fileName} is one of the temporary files that saving {@code targetName} creates. */
    static boolean isTempOf(String fileName, String targetName) {
        String start = TEMP_PREFIX + targetName + "-";
        return fileName.startsWith(start) && fileName.endsWith(TEMP_SUFFIX)
                && fileName.length() > start.length() + TEMP_SUFFIX.length()
                && fileName.substring(start.length(), fileName.length() - TEMP_SUFFIX.length()).matches("[0-9a-z]+");
    }

    private static String describe(FileSystemException e) {
        String reason;
        if (e.getReason() != null) {
            reason = e.getReason();
        } else if (e instanceof NoSuchFileException && e.getFile() != null) {
            // For instance /proc, which exists but takes no new files.
            reason = "the system does not let new files be created in " + Path.of(e.getFile()).getParent();
        } else {
            reason = "the system refused to write there";
        }
        return reason + ". Any earlier file of that name is unchanged.";
    }

    private void writeZip(SavedModel saved, OutputStream raw) throws IOException {
        ParameterSet parameters = saved.model().parameters();
        refuseNonFinite(parameters);
        List<Manifest.ArrayEntry> entries = new ArrayList<>();
        for (Map.Entry<String, ParameterSet.Array> e : parameters.arrays().entrySet()) {
            entries.add(new Manifest.ArrayEntry(e.getKey(), e.getValue().shape(), "arrays/" + entries.size() + ".f32"));
        }
        TextMapper mapper = saved.vocabulary().mapper();
        Manifest manifest = new Manifest(FORMAT_VERSION,
                "Scribe", saved.model().engine(), saved.model().hyperparameters(), saved.vocabulary().codePoints(),
                saved.vocabulary().normalization().manifestName(), Manifest.CleaningEntry.of(mapper), saved.corpus(),
                toManifest(saved.history()), entries);
        ZipOutputStream zip = new ZipOutputStream(raw);
        zip.putNextEntry(new ZipEntry(MANIFEST));
        zip.write(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
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

    /** A diverged model would load as gibberish; refusing it keeps the earlier, good file of that name. */
    private static void refuseNonFinite(ParameterSet parameters) {
        for (ParameterSet.Array array : parameters.arrays().values()) {
            if (!allFinite(array.data())) {
                throw new ScribeException("The model's weights are not finite numbers (NaN or infinity): training"
                        + " diverged, so it was not saved; any earlier file of that name is unchanged. Lower the"
                        + " learning rate and train again.");
            }
        }
    }

    private static boolean allFinite(float[] data) {
        for (float f : data) {
            if (!Float.isFinite(f)) {
                return false;
            }
        }
        return true;
    }

    private static Manifest.History toManifest(TrainingHistory h) {
        return new Manifest.History(h.step(), h.trainingMillis(),
                h.trainingLoss().stream().map(p -> new double[]{p.step(), p.loss()}).toList(),
                h.validationLoss().stream().map(p -> new double[]{p.step(), p.loss()}).toList(),
                h.samples().stream().map(s -> new Manifest.SampleEntry(s.step(), s.temperature(), s.text())).toList());
    }

    public SavedModel load(Path file) {
        return readZip(file, this::read);
    }

    /**
     * What the file's manifest says, read without its weights; a file that is damaged or not a model gives a summary
     * that says why instead.
     */
    public ModelSummary summary(Path file) {
        try {
            return readZip(file, (zip, name) -> {
                Manifest manifest = readManifest(zip, name);
                Hyperparameters hp = manifest.hyperparameters();
                List<double[]> validation = manifest.history().validationLoss();
                Double lastValidation = validation == null || validation.isEmpty() ? null
                        : validation.get(validation.size() - 1)[1];
                return ModelSummary.of(file, manifest.corpus().name(), hp,
                        SizeAdvice.parameters(hp, manifest.vocabulary().length), manifest.history().step(),
                        lastValidation);
            });
        } catch (ScribeException e) {
            return ModelSummary.damaged(file, e.getMessage());
        }
    }

    private interface ZipRead<T> {
        T read(ZipFile zip, String name) throws IOException;
    }

    /** Opens the file as a zip for {@code read}, turning every way that can fail into one sentence. */
    private static <T> T readZip(Path file, ZipRead<T> read) {
        String name = Printable.escape(String.valueOf(file.getFileName()));
        if (!Files.isRegularFile(file)) {
            throw new ScribeException(name + " does not exist or is not a file.");
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return read.read(zip, name);
        } catch (ScribeException e) {
            throw e;
        } catch (NoSuchFileException e) {
            throw new ScribeException(name + " does not exist.");
        } catch (AccessDeniedException e) {
            throw new ScribeException(name + " cannot be read: permission denied.");
        } catch (ZipException e) {
            throw new ScribeException(name + " is not a Scribe model file (it is not a complete zip archive: it may be"
                    + " truncated or of another kind).");
        } catch (FileSystemException e) {
            throw new ScribeException(name + " cannot be read"
                    + (e.getReason() == null ? "." : ": " + e.getReason() + "."), e);
        } catch (IOException | RuntimeException e) {
            throw new ScribeException(name + " is damaged and cannot be loaded.", e);
        }
    }

    private Manifest readManifest(ZipFile zip, String name) throws IOException {
        ZipEntry manifestEntry = zip.getEntry(MANIFEST);
        if (manifestEntry == null) {
            throw new ScribeException(name + " is not a Scribe model file: it has no " + MANIFEST + ".");
        }
        refuseDuplicateEntries(zip, name);
        return parseManifest(readBounded(zip, manifestEntry, MAX_MANIFEST_BYTES, name), name);
    }

    private SavedModel read(ZipFile zip, String name) throws IOException {
        Manifest manifest = readManifest(zip, name);
        TextMapper mapper;
        try {
            mapper = manifest.cleaning() == null ? TextMapper.KEEP : manifest.cleaning().mapper();
        } catch (ScribeException e) {
            throw new ScribeException(name + " has an invalid cleaning: " + e.getMessage());
        }
        Vocabulary vocabulary;
        try {
            vocabulary = new Vocabulary(manifest.vocabulary(), Normalization.ofManifestName(manifest.normalization()),
                    mapper);
        } catch (ScribeException e) {
            throw new ScribeException(name + " has an invalid vocabulary: " + e.getMessage());
        }
        Hyperparameters hp = manifest.hyperparameters();
        ArrayShapes shapes;
        try {
            shapes = Engines.arrayShapes(manifest.engine(), vocabulary.size(), hp);
        } catch (ScribeException e) {
            throw new ScribeException(name + " needs an engine this version of Scribe lacks: "
                    + Printable.escape(e.getMessage()));
        }
        // Every shape is checked against the settings before any array is read, so a small file that claims huge
        // arrays (a zip bomb) is refused without inflating or allocating them.
        checkArrays(manifest.arrays(), shapes, vocabulary.size(), name);
        refuseIfTooLargeForMemory(shapes, name);
        ParameterSet parameters = new ParameterSet();
        for (Manifest.ArrayEntry entry : manifest.arrays()) {
            parameters.put(entry.name(), entry.shape(), readArray(zip, entry, name));
        }
        CharModel model = Engines.create(manifest.engine(), vocabulary.size(), hp);
        try {
            model.load(parameters);
        } catch (ScribeException e) {
            throw new ScribeException(name + " holds weights Scribe cannot use: " + e.getMessage());
        }
        TrainingHistory history = toHistory(manifest.history());
        if (model instanceof Dl4jCharModel dl4j) {
            // Adam's bias correction depends on the step count; without it a resumed run restarts its warm-up.
            dl4j.setIterationCount(history.step());
        }
        return new SavedModel(model, vocabulary, manifest.corpus(), history);
    }

    /** Two entries of one name would let the file hold something other than what a zip lister shows. */
    private static void refuseDuplicateEntries(ZipFile zip, String name) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
            if (!seen.add(entry.getName())) {
                throw new ScribeException(name + " is damaged: it holds two entries named "
                        + Printable.escape(entry.getName()) + ".");
            }
        }
    }

    /** Each listed array must be one the settings imply, in the shape they imply, once; every weight must be there. */
    private static void checkArrays(List<Manifest.ArrayEntry> entries, ArrayShapes shapes, int vocabSize,
                                    String name) {
        java.util.Set<String> names = new java.util.HashSet<>();
        java.util.Set<String> zipEntries = new java.util.HashSet<>();
        for (Manifest.ArrayEntry entry : entries) {
            if (entry == null || entry.shape() == null || entry.name() == null || entry.entry() == null) {
                throw new ScribeException(name + " lists an array without a name, shape or entry.");
            }
            String array = Printable.escape(entry.name());
            int[] expected = shapes.shapeOf(entry.name());
            if (expected == null) {
                throw new ScribeException(name + " lists an array '" + array + "' that its model does not have.");
            }
            if (!java.util.Arrays.equals(expected, entry.shape())) {
                throw new ScribeException(name + ": weights '" + array + "' have shape "
                        + java.util.Arrays.toString(entry.shape()) + " but the model's settings and vocabulary of "
                        + vocabSize + " characters need " + java.util.Arrays.toString(expected) + ".");
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

    private Manifest parseManifest(byte[] bytes, String name) {
        Manifest manifest;
        try {
            manifest = Json.MAPPER.treeToValue(withCell(Json.MAPPER.readTree(bytes), name), Manifest.class);
        } catch (ValueInstantiationException e) {
            String reason = e.getCause() instanceof ScribeException s ? s.getMessage() : "they are damaged";
            throw new ScribeException(name + " has settings Scribe cannot use: " + reason);
        } catch (JsonMappingException e) {
            throw new ScribeException(name + " has an unreadable " + MANIFEST + ": the value at "
                    + Printable.escape(fieldPath(e)) + " is missing, of the wrong type or out of range.");
        } catch (JsonProcessingException e) {
            throw new ScribeException(name + " has an unreadable " + MANIFEST + " ("
                    + Printable.escape(e.getOriginalMessage()) + ").");
        } catch (IOException e) {
            throw new ScribeException(name + " has an unreadable " + MANIFEST + ".");
        }
        if (manifest == null) {
            throw new ScribeException(name + " has an empty " + MANIFEST + ".");
        }
        if (manifest.formatVersion() > FORMAT_VERSION) {
            throw new ScribeException(name + " was written in model format version " + manifest.formatVersion()
                    + " by a newer Scribe; this version reads up to " + FORMAT_VERSION + ".");
        }
        if (manifest.formatVersion() < 1 || manifest.engine() == null || manifest.hyperparameters() == null
                || manifest.vocabulary() == null || manifest.arrays() == null || manifest.history() == null
                || manifest.corpus() == null || manifest.corpus().name() == null
                || manifest.corpus().sha256() == null) {
            throw new ScribeException(name + " has an incomplete " + MANIFEST + ".");
        }
        checkHistory(manifest.history(), name);
        return manifest;
    }

    /**
     * Files before format 2 did not record the cell or the weight decay: they hold LSTMs trained without decay. Files
     * before format 4 recorded the tglstm's leak as {@code timeGateLeak} (every cell had one, only the tglstm used
     * it): it becomes the tglstm's {@code cellOptions}. A cell this version does not know is named in the refusal.
     */
    private static JsonNode withCell(JsonNode root, String name) {
        JsonNode hp = root == null ? null : root.get("hyperparameters");
        if (!(hp instanceof ObjectNode settings)) {
            return root;
        }
        JsonNode cell = settings.get("cell");
        int version = root.path("formatVersion").isInt() ? root.path("formatVersion").asInt() : FORMAT_VERSION;
        if (version < VERSION_WITH_CELL_OPTIONS) {
            JsonNode leak = settings.remove("timeGateLeak");
            ObjectNode options = settings.putObject("cellOptions");
            if (leak != null && cell != null && CellType.TGLSTM.id().equalsIgnoreCase(cell.asText().trim())) {
                options.set("leak", leak);
            }
        }
        if (version < 2) {
            if (cell == null) {
                settings.put("cell", CellType.LSTM.name());
            }
            if (settings.get("weightDecay") == null) {
                settings.put("weightDecay", 0.0);
            }
        } else if (cell != null && cell.isTextual()) {
            try {
                settings.put("cell", CellType.parse(cell.asText()).name());
            } catch (ScribeException e) {
                throw new ScribeException(name + " holds a " + Printable.escape(cell.asText()) + " cell, which this "
                        + "version of Scribe does not know (it knows " + CellType.ids() + ").");
            }
        }
        return root;
    }

    /** Where in the manifest a value failed, as {@code history.samples[2].step}. */
    private static String fieldPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "the top level" : path.toString();
    }

    private static void checkHistory(Manifest.History h, String name) {
        if (h.step() < 0 || h.trainingMillis() < 0) {
            throw new ScribeException(name + " records a negative step or training time.");
        }
        if (size(h.trainingLoss()) > MAX_HISTORY_POINTS || size(h.validationLoss()) > MAX_HISTORY_POINTS
                || size(h.samples()) > MAX_HISTORY_SAMPLES) {
            throw new ScribeException(name + " records more loss points (at most " + MAX_HISTORY_POINTS
                    + ") or samples (at most " + MAX_HISTORY_SAMPLES + ") than Scribe keeps.");
        }
        if (h.samples() != null && h.samples().stream().anyMatch(s -> s == null || s.text() == null
                || s.text().length() > MAX_SAMPLE_CHARS)) {
            throw new ScribeException(name + " records a sample without text or longer than " + MAX_SAMPLE_CHARS
                    + " characters.");
        }
    }

    private static int size(List<?> list) {
        return list == null ? 0 : list.size();
    }

    /** Reads an array whose shape {@link #checkArrays} accepted, refusing non-finite numbers. */
    private static float[] readArray(ZipFile zip, Manifest.ArrayEntry entry, String name) throws IOException {
        ZipEntry zipEntry = zip.getEntry(entry.entry());
        if (zipEntry == null) {
            throw new ScribeException(name + " is missing its entry " + Printable.escape(entry.entry()) + ".");
        }
        float[] data = new float[Math.toIntExact(ArrayShapes.elements(entry.shape()))];
        long expectedBytes = (long) data.length * Float.BYTES;
        if (zipEntry.getSize() > expectedBytes) {
            throw new ScribeException(name + ": entry " + Printable.escape(zipEntry.getName())
                    + " is larger than its shape.");
        }
        byte[] chunk = new byte[64 * 1024];
        ByteBuffer buffer = ByteBuffer.wrap(chunk).order(ByteOrder.LITTLE_ENDIAN);
        try (InputStream in = zip.getInputStream(zipEntry)) {
            int done = 0;
            while (done < data.length) {
                int floats = Math.min(chunk.length / Float.BYTES, data.length - done);
                int read = in.readNBytes(chunk, 0, floats * Float.BYTES);
                if (read != floats * Float.BYTES) {
                    throw new ScribeException(name + ": entry " + Printable.escape(zipEntry.getName()) + " holds "
                            + ((long) done * Float.BYTES + read) + " bytes but its shape needs " + expectedBytes + ".");
                }
                buffer.clear();
                buffer.asFloatBuffer().get(data, done, floats);
                done += floats;
            }
            if (in.read() != -1) {
                throw new ScribeException(name + ": entry " + Printable.escape(zipEntry.getName())
                        + " is larger than its shape.");
            }
        }
        if (!allFinite(data)) {
            throw new ScribeException(name + " holds numbers that are not finite (NaN or infinity) in '"
                    + Printable.escape(entry.name()) + "': the model diverged in training or the file is damaged.");
        }
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
