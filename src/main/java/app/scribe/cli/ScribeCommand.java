package app.scribe.cli;

import app.scribe.ErrorLog;
import app.scribe.Printable;
import app.scribe.ScribeException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * The command line: {@code scribe train | generate | eval | complete | bench | lab | library | paths | serve}. Bad
 * input exits with 2 and one {@code error:} line.
 * {@code -h}/{@code --help} and {@code -V}/{@code --version} are inherited by every command and exit with 0, whatever
 * else is missing.
 */
@Command(name = "scribe", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT,
        version = "Scribe " + app.scribe.Version.NUMBER,
        description = "Train a character-level recurrent network on a book and let it write.",
        subcommands = {TrainCommand.class, GenerateCommand.class, EvalCommand.class, CompleteCommand.class,
                BenchCommand.class, LabCommand.class, LibraryCommand.class, PathsCommand.class, ServeCommand.class})
public final class ScribeCommand implements Runnable {
    public static final int BAD_INPUT = 2;
    public static final int FAILURE = 1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        // The spec's command line, not a new one: a new one would print to System.err, not the configured stream.
        throw new CommandLine.ParameterException(spec.commandLine(), "Name a command: train, generate, eval,"
                + " complete, bench, lab, library, paths or serve.");
    }

    public static int run(String... args) {
        return run(null, null, args);
    }

    /** As {@link #run(String...)}, writing to the given streams instead of the console (null keeps the console). */
    public static int run(PrintWriter stdout, PrintWriter stderr, String... args) {
        CommandLine cli = new CommandLine(new ScribeCommand()).registerConverter(Path.class, ParameterErrors::path);
        if (stdout != null) {
            cli.setOut(stdout);
        }
        if (stderr != null) {
            cli.setErr(stderr);
        }
        cli.setParameterExceptionHandler((e, a) -> {
            e.getCommandLine().getErr().println("error: " + oneLine(ParameterErrors.sentence(e)));
            return BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (e instanceof ScribeException) {
                err.println("error: " + oneLine(e.getMessage()));
                return BAD_INPUT;
            }
            if (e.getCause() instanceof OutOfMemoryError) {
                return outOfMemory(err, e.getCause());
            }
            err.println("error: unexpected failure (" + oneLine(String.valueOf(e)) + "); details are in "
                    + ErrorLog.write(e));
            return FAILURE;
        });
        try {
            return outputWritten(cli, cli.execute(args));
        } catch (OutOfMemoryError e) {
            // An Error passes picocli's handlers; without this the user would get a stack trace.
            return outOfMemory(cli.getErr(), e);
        } catch (LinkageError e) {
            // For example a CUDA build on a machine without an NVIDIA driver: the backend's natives fail to load.
            cli.getErr().println("error: a native library could not be loaded (" + oneLine(String.valueOf(e))
                    + "); details are in " + ErrorLog.write(e));
            cli.getErr().flush();
            return FAILURE;
        }
    }

    /**
     * A failed write to standard output (a full disk, {@code > /dev/full}) loses the result: an error, not exit 0.
     * PrintWriter keeps such failures to itself until asked.
     */
    private static int outputWritten(CommandLine cli, int code) {
        // The console's writer wraps System.out, a PrintStream that keeps its own errors: both are asked.
        if ((cli.getOut().checkError() || System.out.checkError()) && code == 0) {
            cli.getErr().println("error: the output could not be written (the disk is full, or the file or pipe it"
                    + " goes to was closed); it is lost.");
            cli.getErr().flush();
            return BAD_INPUT;
        }
        return code;
    }

    private static int outOfMemory(PrintWriter err, Throwable e) {
        err.println("error: Scribe ran out of memory (" + oneLine(String.valueOf(e.getMessage()))
                + "); use a smaller text or model, or give Java more memory (java -Xmx8g ...).");
        err.flush();
        ErrorLog.write(e);
        return FAILURE;
    }

    /**
     * The CLI promises one error line, so a message with line breaks is joined up; control characters left in it
     * (from a file name, say) are escaped, so that none reaches the terminal.
     */
    static String oneLine(String message) {
        return message == null ? "" : Printable.escape(message.strip().replaceAll("\\s*\\R\\s*", " "));
    }

    /** A {@code warning:} line on the error stream. */
    static void warn(PrintWriter err, String message) {
        err.println("warning: " + oneLine(message));
        err.flush();
    }
}
