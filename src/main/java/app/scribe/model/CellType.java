package app.scribe.model;

import app.scribe.ScribeException;
import app.scribe.engine.fast.Cell;
import app.scribe.engine.fast.GruCell;
import app.scribe.engine.fast.LstmCell;
import app.scribe.engine.fast.RnnCell;
import app.scribe.engine.fast.TimeGatedLstmCell;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The recurrent cells a model can be built from; the name is what the CLI, the form and the model file use. An entry
 * names everything the rest of Scribe asks about a cell: how the fast engine builds it, what the Inside tab shows,
 * a sentence for tooltips and its own settings. Adding a cell is one {@link Cell} class and one entry here.
 */
public enum CellType {
    LSTM(true, "Long short-term memory: a memory cell c behind input, forget and output gates (the seed reports' "
            + "network).", List.of(), (input, hidden, base, options) -> new LstmCell(input, hidden, base)),
    GRU(false, "Gated recurrent unit (PyTorch's nn.GRU): update and reset gates, no separate memory; fewer weights "
            + "than an LSTM.", List.of(), (input, hidden, base, options) -> new GruCell(input, hidden, base)),
    RNN(false, "Plain recurrent network, h = tanh(W x + U h + b): no gates, the fastest and the most forgetful.",
            List.of(), (input, hidden, base, options) -> new RnnCell(input, hidden, base)),
    TGLSTM(true, "Time-gated LSTM: each unit also has a learnt rhythm (period, phase, open ratio) and updates its "
            + "memory only while its time gate is open.",
            List.of(new CellSetting("leak", "time gate leak", "the closed time gate's leak alpha", 0.001, 0, 1),
                    new CellSetting("origin", "time gate origin", "where the time gates' clock starts: 1 at each "
                            + "window's first character, 0 at the text's (how tglstm models before the window clock "
                            + "were trained)", 1, 0, 1)),
            (input, hidden, base, options) -> new TimeGatedLstmCell(input, hidden, base, options.get("leak"),
                    TimeGatedLstmCell.windowClock(options.get("origin"))));

    private final boolean memoryCell;
    private final String description;
    private final List<CellSetting> settings;
    private final Cell.Factory factory;

    CellType(boolean memoryCell, String description, List<CellSetting> settings, Cell.Factory factory) {
        this.memoryCell = memoryCell;
        this.description = description;
        this.settings = settings;
        this.factory = factory;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the state the Inside tab shows is a memory cell c (shown as tanh(c)) rather than the output h. */
    public boolean hasMemoryCell() {
        return memoryCell;
    }

    /** One sentence for a tooltip. */
    public String description() {
        return description;
    }

    /** The cell's own settings (most cells have none). */
    public List<CellSetting> settings() {
        return settings;
    }

    /** How the fast engine builds one layer of this cell. */
    public Cell.Factory factory() {
        return factory;
    }

    /** The defaults of every setting of this cell. */
    public CellOptions defaultOptions() {
        return options(CellOptions.NONE);
    }

    /**
     * {@code given} checked against this cell's settings, missing ones at their defaults; a key this cell does not
     * have, or a value out of range, is refused with a sentence.
     */
    public CellOptions options(CellOptions given) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (CellSetting s : settings) {
            Double value = given.values().get(s.key());
            values.put(s.key(), s.check(value == null ? s.defaultValue() : value));
        }
        for (String key : given.values().keySet()) {
            if (!values.containsKey(key)) {
                throw new ScribeException("The " + id() + " cell has no setting " + key + ".");
            }
        }
        return new CellOptions(values);
    }

    public static String ids() {
        return Choices.ids(values(), CellType::id);
    }

    /** The cell named {@code id} (any case), or a refusal that lists the cells there are. */
    public static CellType parse(String id) {
        return Choices.parse(values(), CellType::id, "cell", id);
    }
}
