package app.scribe.cli;

import app.scribe.DataFolders;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code paths}: the user's data folders, one {@code key=path} a line. */
@Command(name = "paths", description = "Print the user's data folders: models=, books= (the library), log= and lab= (the Lab's results).")
final class PathsCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        DataFolders folders = DataFolders.ofUser();
        PrintWriter out = spec.commandLine().getOut();
        out.println("models=" + folders.models());
        out.println("books=" + folders.books());
        out.println("log=" + folders.log());
        out.println("lab=" + folders.labResults());
        out.flush();
        return 0;
    }
}
