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
 *
 * <p>The same relaunch names OpenBLAS's kernels when nobody did ({@code OPENBLAS_CORETYPE}): OpenBLAS 0.3.19 picks
 * them from the CPU's model, and on a virtual machine that reports a generic "AMD EPYC" it fell back to its oldest
 * kernels ("Barcelona", 45 GFLOP/s on a 32 x 512 x 128 sgemm), where the CPU's own flags allow AVX-512 ones
 * ("SkylakeX", 141 GFLOP/s; AVX2 "Haswell": 83). A name the user or the system set is left alone. And it gives
 * {@code serve} a heap sized to its model ({@link ServeHeap}) when the user chose none.
 */
final class NativeThreads {
    static final String VARIABLE = "OMP_NUM_THREADS";
    static final String BLAS_CORE = "OPENBLAS_CORETYPE";
    /** How often a relaunched process looks whether its launcher is still there. */
    private static final long LAUNCHER_POLL_MILLIS = 250;
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
                List<String> line = arguments(Files.readAllBytes(proc));
                if (line.size() > 1) {
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

    /**
     * The arguments in /proc/self/cmdline, each ended by a NUL: passed on unchanged, empty ones included (a trailing
     * {@code --prompt ''} must stay an empty prompt, not become a missing value).
     */
    static List<String> arguments(byte[] cmdline) {
        List<String> parts = new ArrayList<>(List.of(new String(cmdline, StandardCharsets.UTF_8).split("\0", -1)));
        if (!parts.isEmpty() && parts.get(parts.size() - 1).isEmpty()) {
            parts.remove(parts.size() - 1); // what follows the last NUL
        }
        return parts;
    }

    /** Returns the exit code of the relaunched process, or empty when this process should carry on itself. */
    static Optional<Integer> relaunchIfNeeded(String[] args) {
        Optional<String> core = System.getenv(BLAS_CORE) == null ? blasCore(cpuFlags()) : Optional.empty();
        // Only a plain java launch takes JVM options before its arguments; a relaunched process never relaunches.
        Optional<String> heap = System.getProperty(APP_LAUNCHER) == null && System.getenv(LAUNCHER) == null
                ? ServeHeap.option(args) : Optional.empty();
        if (System.getenv(VARIABLE) != null && core.isEmpty() && heap.isEmpty()) {
            return Optional.empty();
        }
        Optional<List<String>> line = commandLine();
        if (line.isEmpty()) {
            return Optional.empty();
        }
        heap.ifPresent(option -> line.get().add(1, option));
        ProcessBuilder builder = new ProcessBuilder(line.get()).inheritIO();
        builder.environment().putIfAbsent(VARIABLE, "1");
        core.ifPresent(name -> builder.environment().put(BLAS_CORE, name));
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

    /**
     * The OpenBLAS kernels for a CPU with these flags (a "flags" line of /proc/cpuinfo): the AVX-512 ones where
     * the CPU has every extension they use, else the AVX2 ones where it has AVX2 and FMA, else none (OpenBLAS
     * chooses).
     */
    static Optional<String> blasCore(String flags) {
        List<String> has = List.of(flags.trim().split("\\s+"));
        if (has.containsAll(List.of("avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl"))) {
            return Optional.of("SkylakeX");
        }
        if (has.containsAll(List.of("avx2", "fma"))) {
            return Optional.of("Haswell");
        }
        return Optional.empty();
    }

    /** The first "flags" line of /proc/cpuinfo, or nothing where there is none (not Linux). */
    private static String cpuFlags() {
        try (java.util.stream.Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("flags")).findFirst().map(l -> l.substring(l.indexOf(':') + 1))
                    .orElse("");
        } catch (IOException | RuntimeException e) {
            return "";
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
     * a SIGTERM of its own, so that a training run saves and ends instead of running on without its parent. A
     * launcher killed but not yet reaped by its own parent is a zombie that still "exists", so the launcher's state
     * is read from /proc (where there is one) rather than waiting for it to disappear.
     */
    static void endWithTheLauncher() {
        String launcher = System.getenv(LAUNCHER);
        if (launcher == null) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(launcher);
        } catch (NumberFormatException e) {
            return; // Not set by a launcher of ours.
        }
        Thread watch = new Thread(() -> {
            try {
                while (!launcherGone(pid)) {
                    Thread.sleep(LAUNCHER_POLL_MILLIS);
                }
                sun.misc.Signal.raise(new sun.misc.Signal("TERM"));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "scribe-launcher-watch");
        watch.setDaemon(true);
        watch.start();
    }

    private static boolean launcherGone(long pid) {
        try {
            return !running(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
        } catch (IOException e) {
            return ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
        }
    }

    /** Whether a /proc/PID/stat line describes a live process: not a zombie (Z) or dead (X, x). */
    static boolean running(String stat) {
        int name = stat.lastIndexOf(')');
        if (name < 0 || name + 2 >= stat.length()) {
            return true;
        }
        char state = stat.charAt(name + 2);
        return state != 'Z' && state != 'X' && state != 'x';
    }
}
