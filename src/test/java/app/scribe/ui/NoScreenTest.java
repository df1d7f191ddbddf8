package app.scribe.ui;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Started without arguments where there is no screen (a server, ssh without X), Scribe says so in one sentence. */
class NoScreenTest {
    @TempDir
    Path home;

    @Test
    void withoutADisplayTheAppSaysSoAndExits2() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                "-Dglass.platform=gtk", "-Dscribe.home=" + home, "app.scribe.Main"));
        builder.environment().remove("DISPLAY");
        builder.environment().remove("WAYLAND_DISPLAY");
        builder.environment().remove("SCRIBE_LAUNCHER_PID");
        Process app = builder.redirectErrorStream(true).start();
        String out = new String(app.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(app.waitFor(120, TimeUnit.SECONDS));
        assertEquals(2, app.exitValue(), out);
        assertTrue(out.contains("error: Scribe's window cannot open here ("), out);
        assertFalse(out.contains("\tat "), "no stack trace: " + out);
    }
}
