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
        // Before anything loads JavaCPP, which reads its link path once.
        app.scribe.engine.dl4j.Nd4jLibraryCache.announce();
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
