package app.scribe;

import java.nio.file.Path;

/**
 * The starter models that ship with Scribe, trained on the shipped books: the {@code models} folder beside Scribe's
 * code, as {@link ShippedBooks} finds the books ({@code target/models} in a build, copied there from the project's
 * {@code models/}; {@code lib/app/models} in the app image). Scribe only reads them: continuing or saving a starter
 * writes a new model in the user's models folder. The system property {@code scribe.starters} names another folder
 * (tests use their own).
 */
public final class ShippedModels {
    public static final String PROPERTY = "scribe.starters";
    /** The starter a first start opens when it ships; otherwise the first by name. */
    public static final String FIRST = "vanity-fair-lstm.scribe";

    private ShippedModels() {
    }

    public static Path folder() {
        return ShippedBooks.folder(PROPERTY, "models");
    }
}
