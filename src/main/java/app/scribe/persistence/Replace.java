package app.scribe.persistence;

import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.function.Predicate;

/**
 * Which regular file an {@link AtomicFile} write may replace (folders, devices, pipes and links never are). Returns
 * why not, as the end of a sentence, or null when the file may be replaced.
 */
@FunctionalInterface
public interface Replace {
    String refusal(Path target, BasicFileAttributes existing);

    /** Only a new file: anything already there is kept. */
    Replace NOTHING = (target, existing) -> "it already exists, and Scribe does not replace a file it did not"
            + " write; choose a new name.";

    /** Any regular file: one the user chose to replace (a save dialog asked), or one of Scribe's own files. */
    Replace ANY_FILE = (target, existing) -> null;

    /** A regular file that passes {@code test}; else refused with {@code refusal}. */
    static Replace onlyIf(Predicate<Path> test, String refusal) {
        return (target, existing) -> test.test(target) ? null : refusal;
    }

    /** Exactly the file {@code written} describes (nothing when it is null): the file this writer last wrote. */
    static Replace only(FileIdentity written) {
        return (target, existing) -> written != null && written.matches(existing) ? null
                : "it was " + (written == null ? "created" : "replaced or changed") + " by someone else after this"
                + " run checked it, and Scribe does not replace a file it did not write; it was left as it is.";
    }
}
