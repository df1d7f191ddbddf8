package app.scribe.ui.common;

import java.nio.file.Path;
import java.util.List;

/** Asks the user whether model files that this window did not write may be replaced. */
@FunctionalInterface
public interface ReplaceQuestion {
    enum Answer { REPLACE, NEW_NAME, CANCEL }

    /**
     * @param existing the files a save would replace
     * @param newName  the free name offered instead
     */
    Answer ask(List<Path> existing, Path newName);
}
