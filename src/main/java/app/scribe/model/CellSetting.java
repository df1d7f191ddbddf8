package app.scribe.model;

/**
 * One setting of a cell of its own, beyond the shape every cell shares: its key in the model file and the CLI flag
 * ({@code --key}), its name in refusals, a phrase for help texts, its default and its range.
 */
public record CellSetting(String key, String name, String description, double defaultValue, double min, double max) {
    /** The value, or a refusal that names the setting and its range. */
    double check(double value) {
        Hyperparameters.requireRange(name, value, min, max);
        return value;
    }

    /** The help text of its flag, e.g. "tglstm: the closed time gate's leak alpha, 0 to 1 (default 0)". */
    public String help(CellType cell) {
        return cell.id() + ": " + description + ", " + Hyperparameters.format(min) + " to "
                + Hyperparameters.format(max) + " (default " + Hyperparameters.format(defaultValue) + ")";
    }
}
