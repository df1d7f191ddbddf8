package app.scribe.cli;

import app.scribe.model.CellType;

import java.util.Arrays;
import java.util.Iterator;

/** The cells' names, as picocli's completion candidates: help texts list them as {@code ${COMPLETION-CANDIDATES}}. */
final class CellChoices implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
        return Arrays.stream(CellType.values()).map(CellType::id).iterator();
    }

    /** The cell named by {@code flag}'s value, or a refusal that names the flag. */
    static CellType parse(String flag, String id) {
        try {
            return CellType.parse(id);
        } catch (app.scribe.ScribeException e) {
            throw new app.scribe.ScribeException(flag + e.getMessage().substring("cell".length()));
        }
    }
}
