package app.scribe.persistence;

import app.scribe.Printable;
import app.scribe.ScribeException;
import app.scribe.corpus.TextMapper;
import app.scribe.model.CellType;
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
import java.util.List;

/**
 * The manifest as JSON: written from a saved model, read back strictly (a value of the wrong type is damage, not a
 * version) with the migrations of older format versions, and its history turned back into a training history.
 */
final class ManifestCodec {
    /**
     * 2 records the cell and the weight decay; files of version 1 hold LSTMs without weight decay. 3 records a
     * cleaning. 4 records a cell's own settings as {@code hyperparameters.cellOptions}, where 2 and 3 had the
     * tglstm's {@code timeGateLeak}. 5 records the texts trained on in order ({@code texts}), lets a vocabulary
     * grow (characters a later text added come after the sorted first ones, which earlier Scribes refuse) and
     * records a records model's mode as {@code corpus.records}; every model is written as the latest version,
     * since earlier Scribes would miss its fields.
     */
    static final int FORMAT_VERSION = 5;
    /** The version that records whether a model was trained on records; older files never were. */
    private static final int VERSION_WITH_RECORDS = 5;
    /** The version that replaced the time gate leak by the cell's own settings. */
    private static final int VERSION_WITH_CELL_OPTIONS = 4;
    /** The temperature of the samples in files that did not record one. */
    private static final double LEGACY_SAMPLE_TEMPERATURE = 0.7;
    /** A curve point every 5 steps for a million steps; a longer history would not fit the manifest's size. */
    private static final int MAX_HISTORY_POINTS = 1_000_000;
    private static final int MAX_HISTORY_SAMPLES = 100_000;
    private static final int MAX_SAMPLE_CHARS = 100_000;

    /** Made on first use (a save or a load, off the FX thread), not when the app opens: Jackson is ~370 classes. */
    private static final class Json {
        static final ObjectMapper MAPPER = strictReader();
    }

    private ManifestCodec() {
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

    /** The manifest of {@code saved}, whose arrays go to {@code entries}, as pretty-printed JSON. */
    static byte[] encode(SavedModel saved, List<Manifest.ArrayEntry> entries) throws IOException {
        TextMapper mapper = saved.vocabulary().mapper();
        TrainingHistory h = saved.history();
        Manifest.History history = new Manifest.History(h.step(), h.trainingMillis(),
                h.trainingLoss().stream().map(p -> new double[]{p.step(), p.loss()}).toList(),
                h.validationLoss().stream().map(p -> new double[]{p.step(), p.loss()}).toList(),
                h.samples().stream().map(s -> new Manifest.SampleEntry(s.step(), s.temperature(), s.text())).toList());
        List<Manifest.TextEntry> texts = h.texts().isEmpty() ? List.of(new Manifest.TextEntry(0, saved.corpus()))
                : h.texts().stream().map(t -> new Manifest.TextEntry(t.fromStep(), t.corpus())).toList();
        Manifest manifest = new Manifest(FORMAT_VERSION,
                "Scribe", saved.model().engine(), saved.model().hyperparameters(), saved.vocabulary().codePoints(),
                saved.vocabulary().normalization().manifestName(), Manifest.CleaningEntry.of(mapper), saved.corpus(),
                texts, history, entries);
        return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest);
    }

    /** Reads a manifest, migrating older versions; refuses a damaged, incomplete or newer one with a sentence. */
    static Manifest decode(byte[] bytes, String name) {
        Manifest manifest;
        try {
            manifest = Json.MAPPER.treeToValue(migrate(Json.MAPPER.readTree(bytes), name), Manifest.class);
        } catch (ValueInstantiationException e) {
            String reason = e.getCause() instanceof ScribeException s ? s.getMessage() : "they are damaged";
            throw new ScribeException(name + " has settings Scribe cannot use: " + reason);
        } catch (JsonMappingException e) {
            throw new ScribeException(name + " has an unreadable " + ModelContainer.MANIFEST + ": the value at "
                    + Printable.escape(fieldPath(e)) + " is missing, of the wrong type or out of range.");
        } catch (JsonProcessingException e) {
            throw new ScribeException(name + " has an unreadable " + ModelContainer.MANIFEST + ": "
                    + JsonProblems.describe(e) + ".");
        } catch (IOException e) {
            throw new ScribeException(name + " has an unreadable " + ModelContainer.MANIFEST + ".");
        }
        if (manifest == null) {
            throw new ScribeException(name + " has an empty " + ModelContainer.MANIFEST + ".");
        }
        if (manifest.formatVersion() > FORMAT_VERSION) {
            throw new ScribeException(name + " was written in model format version " + manifest.formatVersion()
                    + " by a newer Scribe; this version reads up to " + FORMAT_VERSION + ".");
        }
        if (manifest.formatVersion() < 1 || manifest.engine() == null || manifest.hyperparameters() == null
                || manifest.vocabulary() == null || manifest.arrays() == null || manifest.history() == null
                || manifest.corpus() == null || manifest.corpus().name() == null
                || manifest.corpus().sha256() == null) {
            throw new ScribeException(name + " has an incomplete " + ModelContainer.MANIFEST + ".");
        }
        checkHistory(manifest.history(), name);
        if (manifest.texts() != null && (manifest.texts().isEmpty() || manifest.texts().stream().anyMatch(t -> t == null
                || t.fromStep() < 0 || t.corpus() == null || t.corpus().name() == null || t.corpus().sha256() == null))) {
            throw new ScribeException(name + " lists the texts it was trained on incompletely.");
        }
        checkRecords(manifest, name);
        return manifest;
    }

    /**
     * Files before format 2 did not record the cell or the weight decay: they hold LSTMs trained without decay. Files
     * before format 4 recorded the tglstm's leak as {@code timeGateLeak} (every cell had one, only the tglstm used
     * it): it becomes the tglstm's {@code cellOptions}. A tglstm's options without {@code origin} predate the window
     * clock: they get origin 0 (the text's clock, as they were trained) and, without a leak, the old default 0. A
     * cell this version does not know is named in the refusal.
     */
    private static JsonNode migrate(JsonNode root, String name) {
        if (root instanceof ObjectNode top && top.path("formatVersion").isInt()
                && top.path("formatVersion").asInt() < VERSION_WITH_RECORDS && top.get("corpus") instanceof ObjectNode c) {
            c.remove("records"); // files before format 5 were never trained on records
        }
        JsonNode hp = root == null ? null : root.get("hyperparameters");
        if (!(hp instanceof ObjectNode settings)) {
            return root;
        }
        JsonNode cell = settings.get("cell");
        int version = root.path("formatVersion").isInt() ? root.path("formatVersion").asInt() : FORMAT_VERSION;
        boolean tglstm = cell != null && CellType.TGLSTM.id().equalsIgnoreCase(cell.asText().trim());
        if (version < VERSION_WITH_CELL_OPTIONS) {
            JsonNode leak = settings.remove("timeGateLeak");
            ObjectNode options = settings.putObject("cellOptions");
            if (leak != null && tglstm) {
                options.set("leak", leak);
            }
        }
        if (tglstm && settings.get("cellOptions") instanceof ObjectNode options) {
            // Written before the tglstm had these settings: its leak defaulted to 0 and its clock was the text's.
            if (options.get("leak") == null) {
                options.put("leak", 0.0);
            }
            if (options.get("origin") == null) {
                options.put("origin", 0.0);
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

    /** A records model's mark is a character of its vocabulary, and it had records. */
    private static void checkRecords(Manifest manifest, String name) {
        var records = manifest.corpus().records();
        if (records != null && (records.split() == null || records.count() < 1 || records.longest() < 1
                || java.util.Arrays.stream(manifest.vocabulary()).noneMatch(cp -> cp == records.mark()))) {
            throw new ScribeException(name + " says it was trained on records but its record mode is damaged.");
        }
    }

    private static int size(List<?> list) {
        return list == null ? 0 : list.size();
    }

    /** The history of a manifest; a file before format 5 was trained on its {@code corpus} alone. */
    static TrainingHistory history(Manifest manifest) {
        Manifest.History h = manifest.history();
        List<TrainingHistory.Text> texts = manifest.texts() == null
                ? List.of(new TrainingHistory.Text(0, manifest.corpus()))
                : manifest.texts().stream().map(t -> new TrainingHistory.Text(t.fromStep(), t.corpus())).toList();
        return new TrainingHistory(h.step(), h.trainingMillis(), toPoints(h.trainingLoss()),
                toPoints(h.validationLoss()), h.samples() == null ? List.of()
                : h.samples().stream().map(s -> new TrainingHistory.Sample(s.step(),
                        s.temperature() == null ? LEGACY_SAMPLE_TEMPERATURE : s.temperature(), s.text())).toList(),
                texts);
    }

    private static List<TrainingHistory.Point> toPoints(List<double[]> pairs) {
        if (pairs == null) {
            return List.of();
        }
        return pairs.stream().filter(p -> p != null && p.length == 2)
                .map(p -> new TrainingHistory.Point((long) p[0], p[1])).toList();
    }
}
