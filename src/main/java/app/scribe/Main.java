package app.scribe;

import app.scribe.cli.ScribeCommand;

/**
 * Entry point: no arguments open the desktop app, anything else is the command line. A plain class rather than a
 * JavaFX Application so that {@code java -jar} works and the CLI never loads JavaFX.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        java.util.Optional<Integer> relaunched = NativeThreads.relaunchIfNeeded(args);
        if (relaunched.isPresent()) {
            System.exit(relaunched.get());
        }
        NativeThreads.endWithTheLauncher();
        if (args.length == 0) {
            app.scribe.ui.shell.ScribeLauncher.launch(args);
        } else {
            System.exit(ScribeCommand.run(args));
        }
    }
}
