package app.scribe.cli;

import app.scribe.TestCorpora;
import app.scribe.persistence.ModelFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static app.scribe.cli.ScribeCommandTest.TINY;
import static app.scribe.cli.ScribeCommandTest.assertBadInput;
import static app.scribe.cli.ScribeCommandTest.train;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Real {@code train} processes stopped by real signals: Ctrl-C and SIGTERM save the step they stopped at, a second
 * run on the same file is refused while the first holds it, and a killed launcher takes its relaunched child along.
 */
@Tag("slow")
class StopSignalsProcessTest {
    private static final Pattern SAVED = Pattern.compile("saved (.+) at step (\\d+)");

    @TempDir
    static Path dir;
    static Path corpus;

    @BeforeAll
    static void writeCorpus() throws IOException {
        corpus = TestCorpora.shakespeare(dir, "shakespeare.txt", 30_000);
    }

    /** A training run that would take hours, with no checkpoint before its end, started once it is training. */
    record Run(Process process, Path out, Path stdout, Path stderr) {
        static Run start(Path out, boolean throughLauncher) throws Exception {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-cp", System.getProperty("java.class.path"), "app.scribe.Main", "train", "--corpus",
                    corpus.toString(), "--out", out.toString(), "--steps", "100000000", "--checkpoint-minutes", "0"));
            command.addAll(List.of(TINY));
            ProcessBuilder builder = new ProcessBuilder(command);
            if (throughLauncher) {
                builder.environment().remove("OMP_NUM_THREADS");
            } else {
                builder.environment().put("OMP_NUM_THREADS", "1");
            }
            builder.environment().remove("SCRIBE_LAUNCHER_PID");
            Path stdout = Files.createTempFile(dir, "out", ".txt");
            Path stderr = Files.createTempFile(dir, "err", ".txt");
            Run run = new Run(builder.redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start(), out,
                    stdout, stderr);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!Files.readString(stdout).contains("train_loss")) {
                if (!run.process.isAlive() || System.nanoTime() > deadline) {
                    fail("training did not start: " + Files.readString(stderr));
                }
                Thread.sleep(100);
            }
            return run;
        }

        /** The trainer: the process itself, or the one its launcher started. */
        ProcessHandle trainer() throws InterruptedException {
            for (int i = 0; i < 600; i++) {
                List<ProcessHandle> children = process.toHandle().children().toList();
                if (!children.isEmpty()) {
                    return children.get(0);
                }
                Thread.sleep(100);
            }
            return process.toHandle();
        }

        int stopWith(String signal) throws Exception {
            signal(process.pid(), signal);
            assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the run ends after a " + signal);
            return process.exitValue();
        }

        /** The step of the printed "saved OUT at step N", checked against the step in the file. */
        long savedStep() throws IOException {
            Matcher saved = SAVED.matcher(Files.readString(stdout));
            assertTrue(saved.find(), "stdout says what was saved: " + Files.readString(stderr));
            assertEquals(out.toString(), saved.group(1));
            long step = Long.parseLong(saved.group(2));
            assertTrue(step > 0, "trained some steps");
            assertEquals(step, new ModelFile().load(out).history().step(), "the file holds the printed step");
            return step;
        }
    }

    static void signal(long pid, String name) throws Exception {
        assertEquals(0, new ProcessBuilder("kill", "-" + name, Long.toString(pid)).inheritIO().start().waitFor());
    }

    /** A shell that starts jobs in the background makes them ignore SIGINT, and the JVM keeps it ignored. */
    static boolean ignoresInterrupts(ProcessHandle process) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
            if (line.startsWith("SigIgn:")) {
                return (Long.parseLong(line.substring(7).trim(), 16) & 2) != 0;
            }
        }
        return false;
    }

    @Test
    void ctrlCSavesTheStepItStoppedAtAndExits130() throws Exception {
        Run run = Run.start(dir.resolve("interrupted.scribe"), false);
        assumeFalse(ignoresInterrupts(run.process.toHandle()), "SIGINT is ignored where these tests run");
        assertEquals(130, run.stopWith("INT"));
        run.savedStep();
    }

    @Test
    void sigtermSavesTheStepItStoppedAtAndExits143() throws Exception {
        Run run = Run.start(dir.resolve("terminated.scribe"), false);
        assertEquals(143, run.stopWith("TERM"));
        run.savedStep();
        assertFalse(Files.exists(dir.resolve(".terminated.scribe.lock")), "the lock file is removed");
    }

    @Test
    void aSecondRunOnTheSameFileIsRefusedWhileTheFirstHoldsIt() throws Exception {
        Path out = dir.resolve("shared.scribe");
        Run first = Run.start(out, false);
        assertBadInput(train(corpus, out, "--steps", "2", "--force"), "shared.scribe is being written by another");
        assertEquals(143, first.stopWith("TERM"));
        first.savedStep();
    }

    @Test
    void theLauncherPassesCtrlCOnAndEndsWithTheChildsCode() throws Exception {
        Run run = Run.start(dir.resolve("launched.scribe"), true);
        ProcessHandle trainer = run.trainer();
        assertTrue(trainer.pid() != run.process.pid(), "the launcher started a child");
        assumeFalse(ignoresInterrupts(trainer), "SIGINT is ignored where these tests run");
        assertEquals(130, run.stopWith("INT"));
        run.savedStep();
        assertFalse(trainer.isAlive());
    }

    @Test
    void killingTheLauncherEndsTheChild() throws Exception {
        Run run = Run.start(dir.resolve("orphan.scribe"), true);
        ProcessHandle trainer = run.trainer();
        assertTrue(trainer.pid() != run.process.pid(), "the launcher started a child");
        run.process.destroyForcibly().waitFor();
        trainer.onExit().get(120, TimeUnit.SECONDS);
        assertFalse(trainer.isAlive(), "the child ended with its launcher");
        run.savedStep();
    }
}
