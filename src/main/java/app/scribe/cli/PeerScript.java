package app.scribe.cli;

import app.scribe.Printable;
import app.scribe.ScribeException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The PyTorch peer ({@code ../shared/peers/torch_char_lstm.py}, run with the system's Python), which {@code bench}
 * and {@code bench --quality} run after their own training, never at the same time. It prints one JSON line; a
 * machine without Python or torch gets a sentence instead of the peer's figures, not a failed bench.
 */
final class PeerScript {
    private static final String PYTHON = "/usr/bin/python3";
    static final String DEFAULT = "shared/peers/torch_char_lstm.py";

    private final Path script;

    private PeerScript(Path script) {
        this.script = script;
    }

    /** The script named, else the first {@code shared/peers/...} found next to the working folder or above it. */
    static PeerScript find(Path named) {
        List<Path> candidates = new ArrayList<>();
        if (named != null) {
            candidates.add(named);
        } else {
            for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
                candidates.add(dir.resolve(DEFAULT));
                candidates.add(dir.resolveSibling(DEFAULT).normalize());
            }
        }
        for (Path candidate : candidates) {
            if (candidate != null && Files.isRegularFile(candidate)) {
                return new PeerScript(candidate);
            }
        }
        throw new ScribeException("The peer script " + (named != null ? named : "../" + DEFAULT)
                + " was not found; name it with --peer-script.");
    }

    /** Runs the script with these arguments; its JSON result, or empty after saying on {@code out} why not. */
    Optional<JsonNode> run(List<String> arguments, PrintWriter out) {
        List<String> command = new ArrayList<>(List.of(PYTHON, script.toString()));
        command.addAll(arguments);
        out.println("peer: " + String.join(" ", command));
        out.flush();
        if (!Files.isExecutable(Path.of(PYTHON))) {
            out.println("peer: " + PYTHON + " is missing, so the PyTorch peer was not run.");
            return Optional.empty();
        }
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            // Reading to the end waits for the peer, however long its budget; it ends by itself.
            String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = process.waitFor();
            if (text.contains("No module named 'torch'")) {
                out.println("peer: " + PYTHON + " has no torch module (apt-get install python3-torch), so the peer "
                        + "was not run.");
                return Optional.empty();
            }
            for (String line : text.split("\n")) {
                if (line.startsWith("{")) {
                    return Optional.of(new ObjectMapper().readTree(line));
                }
            }
            String[] lines = text.strip().split("\n");
            out.println("peer: failed (exit " + exit + "): " + Printable.escape(lines[lines.length - 1]));
            return Optional.empty();
        } catch (IOException e) {
            out.println("peer: could not run " + PYTHON + ": " + e.getMessage());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
