package app.scribe;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The heap a {@code scribe serve} process starts with when the user chose none. With the JVM's default (a quarter of
 * the machine's memory) the collector grows its young generation the first few times it sees a burst of requests
 * and touches those pages for good: a fresh server's resident memory rose 44 % under its first 1,600 requests and
 * levelled off only after about 6,000, while the live heap stayed at 20-27 MB. A server holds one model and a few
 * kilobytes per request, so a heap of {@link #BASE_BYTES} plus four times the model file is ample and keeps the
 * resident memory flat from the first request (BENCHMARKS.md, "Serving").
 */
final class ServeHeap {
    static final long BASE_BYTES = 128L << 20;
    private static final long MODEL_FACTOR = 4;

    private ServeHeap() {
    }

    /**
     * The {@code -Xmx} option to start a server with, or empty: when the command is not {@code serve}, when the user
     * set a heap (on the command line or in {@code JAVA_TOOL_OPTIONS} / {@code JDK_JAVA_OPTIONS}), when the model
     * file cannot be read (the server says why) or when the default is smaller anyway.
     */
    static Optional<String> option(String[] args, List<String> jvmArguments, String toolOptions,
            long defaultMaxHeap) {
        if (args.length == 0 || !args[0].equals("serve") || setsHeap(jvmArguments)
                || setsHeap(List.of(toolOptions.split("\\s+")))) {
            return Optional.empty();
        }
        return modelFile(args).flatMap(ServeHeap::size).map(bytes -> BASE_BYTES + MODEL_FACTOR * bytes)
                .filter(heap -> heap < defaultMaxHeap).map(heap -> "-Xmx" + (heap >> 20) + "m");
    }

    /** The option for this process: its own JVM arguments and environment. */
    static Optional<String> option(String[] args) {
        String tool = System.getenv().getOrDefault("JAVA_TOOL_OPTIONS", "") + " "
                + System.getenv().getOrDefault("JDK_JAVA_OPTIONS", "");
        return option(args, ManagementFactory.getRuntimeMXBean().getInputArguments(), tool,
                Runtime.getRuntime().maxMemory());
    }

    private static boolean setsHeap(List<String> arguments) {
        return arguments.stream().anyMatch(a -> a.startsWith("-Xmx") || a.startsWith("-XX:MaxHeapSize")
                || a.startsWith("-XX:MaxRAMPercentage") || a.startsWith("-XX:MaxRAM="));
    }

    private static Optional<Path> modelFile(String[] args) {
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--model") && i + 1 < args.length) {
                return Optional.of(Path.of(args[i + 1]));
            }
            if (args[i].startsWith("--model=")) {
                return Optional.of(Path.of(args[i].substring("--model=".length())));
            }
        }
        return Optional.empty();
    }

    private static Optional<Long> size(Path model) {
        try {
            return Files.isRegularFile(model) ? Optional.of(Files.size(model)) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
