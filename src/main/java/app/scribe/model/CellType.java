package app.scribe.model;

import app.scribe.ScribeException;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The recurrent cells a model can be built from; the name is what the CLI, the form and the model file use. */
public enum CellType {
    LSTM(true, "Long short-term memory: a memory cell c behind input, forget and output gates (the seed reports' "
            + "network)."),
    GRU(false, "Gated recurrent unit (PyTorch's nn.GRU): update and reset gates, no separate memory; fewer weights "
            + "than an LSTM."),
    RNN(false, "Plain recurrent network, h = tanh(W x + U h + b): no gates, the fastest and the most forgetful."),
    TGLSTM(true, "Time-gated LSTM: each unit also has a learnt rhythm (period, phase, open ratio) and updates its "
            + "memory only while its time gate is open.");

    private final boolean memoryCell;
    private final String description;

    CellType(boolean memoryCell, String description) {
        this.memoryCell = memoryCell;
        this.description = description;
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

    public static String ids() {
        return Arrays.stream(values()).map(CellType::id).collect(Collectors.joining(", "));
    }

    /** The cell named {@code id} (any case), or a refusal that lists the cells there are. */
    public static CellType parse(String id) {
        for (CellType c : values()) {
            if (c.id().equalsIgnoreCase(id.trim())) {
                return c;
            }
        }
        throw new ScribeException("cell must be one of " + ids() + " (got " + id + ").");
    }
}
