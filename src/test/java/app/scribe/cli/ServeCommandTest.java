package app.scribe.cli;

import app.scribe.TestCorpora;
import app.scribe.cli.ScribeCommandTest.Result;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static app.scribe.cli.ScribeCommandTest.assertBadInput;
import static app.scribe.cli.ScribeCommandTest.scribe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * {@code serve} from the command line: bad input refused with one {@code error:} line and exit 2 before anything
 * listens, and a real server process that answers and stops cleanly on Ctrl-C and SIGTERM.
 */
class ServeCommandTest {
    private static final Pattern ADDRESS = Pattern.compile("at (http://127\\.0\\.0\\.1:\\d+/)");

    @TempDir
    static Path dir;
    static Path model;

    @BeforeAll
    static void trainOnce() throws IOException {
        byte[] text = TestCorpora.shakespeare(8_000);
        Path corpus = Files.write(dir.resolve("shakespeare.txt"), text);
        model = dir.resolve("tiny.scribe");
        Result r = ScribeCommandTest.train(corpus, model, "--steps", "3");
        assertEquals(0, r.code(), r.err());
    }

    @Test
    void badInputIsRefusedBeforeAnythingListens() throws IOException {
        String m = model.toString();
        assertBadInput(scribe("serve"), "--model");
        assertBadInput(scribe("serve", "--model", dir.resolve("missing.scribe").toString()), "missing.scribe");
        Path damaged = Files.write(dir.resolve("damaged.scribe"), new byte[]{'P', 'K', 3, 4, 0, 0, 7});
        assertBadInput(scribe("serve", "--model", damaged.toString()), "damaged.scribe");
        assertBadInput(scribe("serve", "--model", m, "--port", "70000"), "--port must be between 0 and 65535");
        assertBadInput(scribe("serve", "--model", m, "--port", "eighty"), "--port");
        assertBadInput(scribe("serve", "--model", m, "--host", "0.0.0.0"), "--token");
        assertBadInput(scribe("serve", "--model", m, "--host", "no-such-host.invalid"), "no-such-host.invalid");
        assertBadInput(scribe("serve", "--model", m, "--queue", "0"), "--queue");
        assertBadInput(scribe("serve", "--model", m, "--time-limit", "0"), "--time-limit");
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertBadInput(scribe("serve", "--model", m, "--port", Integer.toString(taken.getLocalPort())),
                    "Cannot listen on 127.0.0.1 port " + taken.getLocalPort());
        }
    }

    @Test
    void ctrlCStopsTheServerCleanly() throws Exception {
        assertStopsOn("INT");
    }

    @Test
    void sigtermStopsTheServerCleanly() throws Exception {
        assertStopsOn("TERM");
    }

    private static void assertStopsOn(String signal) throws Exception {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "app.scribe.Main", "serve", "--model", model.toString(),
                "--port", "0");
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("OMP_NUM_THREADS", "1");
        builder.environment().remove("SCRIBE_LAUNCHER_PID");
        Path stdout = Files.createTempFile(dir, "out", ".txt");
        Path stderr = Files.createTempFile(dir, "err", ".txt");
        Process process = builder.redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        try {
            URI address = awaitAddress(process, stdout, stderr);
            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    address.resolve("health")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode());
            if (signal.equals("INT")) {
                assumeFalse(StopSignalsProcessTest.ignoresInterrupts(process.toHandle()),
                        "SIGINT is ignored where these tests run");
            }
            StopSignalsProcessTest.signal(process.pid(), signal);
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the server ends after a " + signal);
            assertEquals(0, process.exitValue(), Files.readString(stderr));
            assertTrue(Files.readString(stdout).strip().endsWith("stopped"), Files.readString(stdout));
            assertEquals("", Files.readString(stderr));
        } finally {
            process.destroyForcibly();
        }
    }

    private static URI awaitAddress(Process process, Path stdout, Path stderr) throws Exception {
        for (int i = 0; i < 1200; i++) {
            Matcher m = ADDRESS.matcher(Files.readString(stdout));
            if (m.find()) {
                return URI.create(m.group(1));
            }
            assertTrue(process.isAlive(), "the server died: " + Files.readString(stderr));
            Thread.sleep(100);
        }
        throw new AssertionError("the server never said where it listens: " + Files.readString(stderr));
    }
}
