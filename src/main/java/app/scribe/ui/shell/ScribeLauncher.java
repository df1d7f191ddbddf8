package app.scribe.ui.shell;

import javafx.application.Application;

/** Starts the desktop app; kept apart from Main so that the command line never loads JavaFX classes. */
public final class ScribeLauncher {
    private ScribeLauncher() {
    }

    public static void launch(String[] args) {
        Application.launch(ScribeApp.class, args);
    }
}
