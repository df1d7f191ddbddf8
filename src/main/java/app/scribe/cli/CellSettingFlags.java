package app.scribe.cli;

import app.scribe.model.CellOptions;
import app.scribe.model.CellSetting;
import app.scribe.model.CellType;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * One flag per cell setting that any {@link CellType} declares ({@code --leak} for the tglstm), added to a command
 * as it is built, with its help from the setting; and the settings a parse gave for the chosen cell.
 */
final class CellSettingFlags implements CommandLine.IModelTransformer {
    @Override
    public CommandSpec transform(CommandSpec spec) {
        for (CellType cell : CellType.values()) {
            for (CellSetting setting : cell.settings()) {
                if (spec.findOption(flag(setting)) == null) {
                    spec.addOption(OptionSpec.builder(flag(setting)).type(Double.class).paramLabel("<" + setting.key()
                            + ">").description(setting.help(cell)).build());
                }
            }
        }
        return spec;
    }

    /** Every flag this adds, for the options a resumed model ignores. */
    static List<String> flags() {
        List<String> flags = new ArrayList<>();
        for (CellType cell : CellType.values()) {
            for (CellSetting setting : cell.settings()) {
                flags.add(flag(setting));
            }
        }
        return flags;
    }

    /** The settings of {@code cell} given on the command line; those not given are left to the cell's defaults. */
    static CellOptions given(CommandSpec spec, CellType cell) {
        CellOptions options = CellOptions.NONE;
        CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
        for (CellSetting setting : cell.settings()) {
            Double value = parsed.matchedOptionValue(flag(setting), null);
            if (value != null) {
                options = options.with(setting.key(), value);
            }
        }
        return options;
    }

    private static String flag(CellSetting setting) {
        return "--" + setting.key();
    }
}
