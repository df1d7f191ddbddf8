package app.scribe;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * ND4J's native code reads OMP_NUM_THREADS once, when it loads, and its OpenMP team is slower than one thread for
 * a char-LSTM's small matrices (about 3x on 2 cores, mostly in spin-waiting). An environment variable cannot be set
 * from inside a running JVM, so when it is missing Scribe starts itself again with it set, passing every argument
 * through. The user never has to export anything.
 */
final class NativeThreads {
    static final String VARIABLE = "OMP_NUM_THREADS";

    private NativeThreads() {
    }

    /** Returns the exit code of the relaunched process, or empty when this process should carry on itself. */
    static Optional<Integer> relaunchIfNeeded(String[] args) {
        if (System.getenv(VARIABLE) != null) {
            return Optional.empty();
        }
        ProcessHandle.Info info = ProcessHandle.current().info();
        Optional<String> command = info.command();
        Optional<String[]> arguments = info.arguments();
        if (command.isEmpty() || arguments.isEmpty()) {
            return Optional.empty();
        }
        List<String> line = new ArrayList<>();
        line.add(command.get());
        line.addAll(List.of(arguments.get()));
        ProcessBuilder builder = new ProcessBuilder(line).inheritIO();
        builder.environment().put(VARIABLE, "1");
        try {
            Process child = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(child::destroy));
            return Optional.of(child.waitFor());
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
