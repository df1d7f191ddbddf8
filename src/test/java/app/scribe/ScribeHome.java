package app.scribe;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The one way tests redirect Scribe's folders, and back afterwards: {@code scribe.home} moves every data folder
 * ({@link DataFolders}: models, library, log, Lab results), {@link #withShippedBooks} the books the app lists,
 * {@link #withStarterModels} its starter models.
 */
public final class ScribeHome {
    private record Previous(String key, String value) {
    }

    private final List<Previous> previous = new ArrayList<>();

    private ScribeHome() {
    }

    public static ScribeHome at(Path home) {
        return new ScribeHome().set(DataFolders.HOME_PROPERTY, home);
    }

    /** Also lists the models of {@code folder} as the starter models ({@link ShippedModels}). */
    public ScribeHome withStarterModels(Path folder) {
        return set(ShippedModels.PROPERTY, folder);
    }

    /** Also lists the books of {@code folder} as the shipped ones ({@link ShippedBooks}). */
    public ScribeHome withShippedBooks(Path folder) {
        return set(ShippedBooks.PROPERTY, folder);
    }

    private ScribeHome set(String key, Path folder) {
        previous.add(new Previous(key, System.setProperty(key, folder.toString())));
        return this;
    }

    public void restore() {
        for (int i = previous.size() - 1; i >= 0; i--) {
            Previous p = previous.get(i);
            if (p.value() == null) {
                System.clearProperty(p.key());
            } else {
                System.setProperty(p.key(), p.value());
            }
        }
        previous.clear();
    }
}
