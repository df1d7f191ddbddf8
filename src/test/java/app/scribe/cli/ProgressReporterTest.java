package app.scribe.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The terminal form of the progress report: one line redrawn in place, then closed. */
class ProgressReporterTest {
    @Test
    void aTerminalGetsABarRedrawnInPlaceThenClosed() {
        StringWriter err = new StringWriter();
        ProgressReporter bar = new ProgressReporter(new PrintWriter(err), "scoring", true, 0);
        bar.reached(15, 30);
        bar.reached(30, 30);
        bar.finish();
        String[] frames = err.toString().split("\r", -1);
        assertEquals(4, frames.length, err.toString());
        assertEquals("", frames[0], "every frame starts at the beginning of the line");
        assertTrue(frames[1].matches("scoring \\[#{15}-{15}]  50%  ETA \\d+:\\d\\d"), frames[1]);
        assertTrue(frames[2].matches("scoring \\[#{30}] 100%  ETA 0:00"), frames[2]);
        assertTrue(frames[3].endsWith(System.lineSeparator()), "the bar's line is closed");
        String last = frames[3].substring(0, frames[3].length() - System.lineSeparator().length());
        assertTrue(last.matches("scoring: done in 0:00 +"), last);
        assertEquals(frames[2].length(), last.length(), "a shorter frame blanks out the longer one before it");
    }
}
