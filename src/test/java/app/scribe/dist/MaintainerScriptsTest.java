package app.scribe.dist;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 27: the .deb's maintainer scripts (src/dist/linux, which jpackage puts in the package as they are) never
 * fail the package over the desktop menu. They run here with /bin/sh and a PATH holding only a stand-in
 * {@code xdg-desktop-menu}: one that exits 3 as the real one does where /usr/share/desktop-directories is missing,
 * one that succeeds, and none at all. Nothing is installed.
 */
class MaintainerScriptsTest {
    private static final Path SCRIPTS = Path.of("src", "dist", "linux");
    private static final String DESKTOP_FILE = "/opt/scribe/lib/scribe-Scribe.desktop";

    @TempDir
    Path dir;

    record Run(int exit, List<String> stderr, List<String> calls) {
    }

    @BeforeAll
    static void needsAPosixShell() {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "no /bin/sh here");
    }

    /** Runs {@code script arg} with PATH = a folder holding a stand-in xdg-desktop-menu exiting {@code exit}, or none. */
    private Run run(String script, String arg, Integer standInExit) throws IOException, InterruptedException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path calls = dir.resolve("calls.txt");
        Files.deleteIfExists(calls);
        Path standIn = bin.resolve("xdg-desktop-menu");
        Files.deleteIfExists(standIn);
        if (standInExit != null) {
            Files.writeString(standIn, "#!/bin/sh\necho \"$@\" >> '" + calls + "'\n"
                    + "echo 'xdg-desktop-menu: No writable system menu directory found.' >&2\nexit " + standInExit + "\n");
            assertTrue(standIn.toFile().setExecutable(true));
        }
        ProcessBuilder pb = new ProcessBuilder("/bin/sh", SCRIPTS.resolve(script).toAbsolutePath().toString(), arg)
                .directory(dir.toFile())
                .redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile());
        pb.environment().clear();
        pb.environment().put("PATH", bin.toString());
        Process p = pb.start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), script + " " + arg + " did not finish");
        List<String> stderr = Files.readAllLines(dir.resolve("err.txt"), StandardCharsets.UTF_8);
        List<String> called = Files.exists(calls) ? Files.readAllLines(calls, StandardCharsets.UTF_8) : List.of();
        return new Run(p.exitValue(), stderr, called);
    }

    @Test
    void configureCarriesOnWithoutAMenuFolder() throws Exception {
        Run r = run("postinst", "configure", 3);
        assertEquals(0, r.exit(), "postinst configure failed: " + r.stderr());
        assertEquals(List.of("install " + DESKTOP_FILE), r.calls());
        assertEquals(1, r.stderr().size(), "one line on stderr: " + r.stderr());
        assertTrue(r.stderr().get(0).contains("exited 3"), r.stderr().get(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"remove", "upgrade", "deconfigure"})
    void removalCarriesOnWithoutAMenuFolder(String arg) throws Exception {
        Run r = run("prerm", arg, 3);
        assertEquals(0, r.exit(), "prerm " + arg + " failed: " + r.stderr());
        assertEquals(List.of("uninstall " + DESKTOP_FILE), r.calls());
        assertEquals(1, r.stderr().size(), "one line on stderr: " + r.stderr());
        assertTrue(r.stderr().get(0).contains("exited 3"), r.stderr().get(0));
    }

    @Test
    void aMenuSystemGetsTheEntryQuietly() throws Exception {
        Run install = run("postinst", "configure", 0);
        assertEquals(new Run(0, List.of(), List.of("install " + DESKTOP_FILE)), install);
        Run remove = run("prerm", "remove", 0);
        assertEquals(new Run(0, List.of(), List.of("uninstall " + DESKTOP_FILE)), remove);
    }

    @Test
    void noXdgUtilsAtAll() throws Exception {
        for (String[] call : new String[][] {{"postinst", "configure"}, {"prerm", "remove"}, {"prerm", "upgrade"}}) {
            Run r = run(call[0], call[1], null);
            assertEquals(0, r.exit(), String.join(" ", call) + " failed: " + r.stderr());
            assertEquals(1, r.stderr().size(), String.join(" ", call) + ": " + r.stderr());
            assertTrue(r.stderr().get(0).contains("not installed"), r.stderr().get(0));
        }
    }

    @Test
    void theOtherArgumentsDoNothing() throws Exception {
        for (String[] call : new String[][] {{"postinst", "abort-upgrade"}, {"postinst", "abort-remove"},
                {"prerm", "failed-upgrade"}}) {
            Run r = run(call[0], call[1], 3);
            assertEquals(new Run(0, List.of(), List.of()), r, String.join(" ", call));
        }
        assertEquals(1, run("postinst", "bogus", 3).exit());
        assertEquals(1, run("prerm", "bogus", 3).exit());
    }
}
