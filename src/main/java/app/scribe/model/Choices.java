package app.scribe.model;

import app.scribe.ScribeException;

import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The named choices ({@link CellType}, {@link Optimizer}) that the CLI, the form and the model file name by id. */
final class Choices {
    private Choices() {
    }

    /** The ids of {@code values}, as a list for people: "a, b, c". */
    static <E> String ids(E[] values, Function<E, String> id) {
        return Arrays.stream(values).map(id).collect(Collectors.joining(", "));
    }

    /** The value whose id is {@code given} (any case), or a refusal that says {@code what} must be one of the ids. */
    static <E> E parse(E[] values, Function<E, String> id, String what, String given) {
        for (E value : values) {
            if (id.apply(value).equalsIgnoreCase(given.trim())) {
                return value;
            }
        }
        throw new ScribeException(ScribeException.opening(what) + " must be one of " + ids(values, id) + " (got '"
                + given.strip() + "').");
    }
}
