package app.scribe.persistence;

import app.scribe.ScribeException;

import java.nio.file.Path;

/** Loads one model file and says whether it loaded: the child process of {@link DamagedModelTest}, in a small heap. */
public final class LoadModel {
    private LoadModel() {
    }

    public static void main(String[] args) {
        try {
            new ModelFile().load(Path.of(args[0]));
            System.out.println("loaded");
        } catch (ScribeException e) {
            System.out.println("refused: " + e.getMessage());
        }
    }
}
