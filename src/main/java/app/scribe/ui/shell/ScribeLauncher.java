package app.scribe.ui.shell;

import javafx.application.Application;

/** Starts the desktop app; kept apart from Main so that the command line never loads JavaFX classes. */
public final class ScribeLauncher {
    private ScribeLauncher() {
    }

    /** Opens the window; where there is no screen to open it on (a server, ssh), says so and exits 2. */
    public static void launch(String[] args) {
        try {
            Application.launch(ScribeApp.class, args);
        } catch (UnsupportedOperationException noScreen) {
            // JavaFX's own words, such as "Unable to open DISPLAY", then what to do instead.
            System.err.println("error: Scribe's window cannot open here (" + noScreen.getMessage() + "): start it "
                    + "on a desktop, or use its command line (scribe --help lists the commands).");
            System.exit(2);
        }
    }
}
