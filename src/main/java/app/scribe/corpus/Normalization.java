package app.scribe.corpus;

import app.scribe.ScribeException;

import java.text.Normalizer;

/**
 * The Unicode form a model's text is in. A letter such as é can be one code point or two (e + U+0301); a model
 * knows only the form it was trained on, so corpora, prompts and scored texts are all put in one form.
 */
public enum Normalization {
    /** Text kept as written: models saved before Scribe normalised text (no normalisation in their file). */
    NONE,
    /** Unicode canonical composition: every letter that has a precomposed code point is written with it. */
    NFC;

    public String apply(String text) {
        return this == NFC ? Normalizer.normalize(text, Normalizer.Form.NFC) : text;
    }

    /** The name stored in a model file, null for {@link #NONE} (files written before normalisation had none). */
    public String manifestName() {
        return this == NONE ? null : name();
    }

    /** The form a model file names; throws when it names one this version of Scribe does not know. */
    public static Normalization ofManifestName(String name) {
        if (name == null) {
            return NONE;
        }
        if (name.equals(NFC.name())) {
            return NFC;
        }
        throw new ScribeException("The text normalisation '" + name + "' is unknown to this version of Scribe.");
    }
}
