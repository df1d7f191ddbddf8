package app.scribe;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * ND4J's native code reads OMP_NUM_THREADS once, when it loads, and its OpenMP team is slower than one thread for
 * a char-LSTM's small matrices (about 3x on 2 cores, mostly in spin-waiting). An environment variable cannot be set
 * from inside a running JVM, so when it is missing Scribe starts itself again with it set, passing every argument
 * through. The user never has to export anything. The two processes act as one: signals sent to the first reach the
 * second, the first exits with the second's code, and the second ends when the first dies.
 */
final class NativeThreads {
    static final String VARIABLE = "OMP_NUM_THREADS";
    /** Set in the relaunched process to the launcher's process id. */
    static final String LAUNCHER = "SCRIBE_LAUNCHER_PID";
    private static final String APP_LAUNCHER = "jpackage.app-path";
    /** Set by jpackage's launcher for the JVM it starts; a second launcher that inherits it does not start one. */
    private static final String APP_LAUNCHER_MARK = "_JPACKAGE_LAUNCHER";

    private NativeThreads() {
    }

    /**
     * This process's command line. Linux's /proc/self/cmdline comes first because ProcessHandle truncates long
     * command lines (such as the module path that {@code mvn javafx:run} passes) to nothing. In the app image the
     * program is jpackage's launcher ({@code jpackage.app-path}), whose runtime has no {@code bin/java}.
     */
    private static Optional<List<String>> commandLine() {
        String java = System.getProperty(APP_LAUNCHER,
                Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Path proc = Path.of("/proc/self/cmdline");
        if (Files.isReadable(proc)) {
            try {
                String[] parts = new String(Files.readAllBytes(proc), StandardCharsets.UTF_8).split("\0");
                if (parts.length > 1) {
                    List<String> line = new ArrayList<>(List.of(parts));
                    line.set(0, java);
                    return Optional.of(line);
                }
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        ProcessHandle.Info info = ProcessHandle.current().info();
        if (info.command().isEmpty() || info.arguments().isEmpty()) {
            return Optional.empty();
        }
        List<String> line = new ArrayList<>();
        line.add(info.command().get());
        line.addAll(List.of(info.arguments().get()));
        return Optional.of(line);
    }

    /** Returns the exit code of the relaunched process, or empty when this process should carry on itself. */
    static Optional<Integer> relaunchIfNeeded(String[] args) {
        if (System.getenv(VARIABLE) != null) {
            return Optional.empty();
        }
        Optional<List<String>> line = commandLine();
        if (line.isEmpty()) {
            return Optional.empty();
        }
        ProcessBuilder builder = new ProcessBuilder(line.get()).inheritIO();
        builder.environment().put(VARIABLE, "1");
        builder.environment().remove(APP_LAUNCHER_MARK);
        builder.environment().put(LAUNCHER, Long.toString(ProcessHandle.current().pid()));
        try {
            Process child = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(child::destroy));
            for (String name : StopSignals.NAMES) {
                // The launcher stays up until the child has saved and ends with the child's exit code.
                sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> forward(child, name));
            }
            return Optional.of(child.waitFor());
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private static void forward(Process child, String signal) {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(child.pid())).inheritIO().start().waitFor();
        } catch (IOException e) {
            child.destroy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * In a relaunched process: when the launcher dies (even by SIGKILL, which it cannot forward), this process gets
     * a SIGTERM of its own, so that a training run saves and ends instead of running on without its parent.
     */
    static void endWithTheLauncher() {
        String launcher = System.getenv(LAUNCHER);
        if (launcher == null) {
            return;
        }
        Runnable terminate = () -> sun.misc.Signal.raise(new sun.misc.Signal("TERM"));
        try {
            ProcessHandle.of(Long.parseLong(launcher)).ifPresentOrElse(p -> p.onExit().thenRun(terminate), terminate);
        } catch (NumberFormatException e) {
            // Not set by a launcher of ours.
        }
    }
}
