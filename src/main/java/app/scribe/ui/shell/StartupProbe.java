package app.scribe.ui.shell;

import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * For measuring start-up: with {@code -Dscribe.startupProbe}, the app prints {@code first-frame-epoch-ms=<ms>} once
 * its window has been laid out for its first frame, and quits.
 */
public final class StartupProbe {
    static final String PROPERTY = "scribe.startupProbe";

    private StartupProbe() {
    }

    static void armIfAsked(Scene scene) {
        if (System.getProperty(PROPERTY) == null) {
            return;
        }
        scene.addPostLayoutPulseListener(new Runnable() {
            @Override
            public void run() {
                scene.removePostLayoutPulseListener(this);
                System.out.println("first-frame-epoch-ms=" + System.currentTimeMillis());
                System.out.flush();
                Platform.runLater(Platform::exit);
            }
        });
    }
}
