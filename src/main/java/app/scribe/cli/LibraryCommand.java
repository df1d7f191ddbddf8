package app.scribe.cli;

import app.scribe.DataFolders;
import app.scribe.Printable;
import app.scribe.ScribeException;
import app.scribe.library.Cancellation;
import app.scribe.library.CatalogEntry;
import app.scribe.library.Library;
import app.scribe.library.LibrarySettings;
import app.scribe.library.Mirror;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code library search | get | list}: the user's library of Project Gutenberg books, in the data folder that
 * {@code paths} prints. Nothing is fetched unless a command needs it, one request at a time.
 */
@Command(name = "library", description = "Search Project Gutenberg's catalog, download books, list the library.",
        subcommands = {LibraryCommand.Search.class, LibraryCommand.Get.class, LibraryCommand.ListBooks.class})
final class LibraryCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Name a library command: search, get or list.");
    }

    /** The {@code --mirror} option, defaulting to the one saved in the library's settings. */
    static final class MirrorOption {
        @Option(names = "--mirror", paramLabel = "URL", description = "a Project Gutenberg mirror (default: the one"
                + " set in the app, else " + Mirror.MAIN_SITE + ")")
        String url;

        Library library() {
            return Library.ofUser(url == null ? LibrarySettings.mirror(DataFolders.ofUser().books()) : Mirror.of(url));
        }
    }

    @Command(name = "search", description = "Print the catalog's texts matching every word of QUERY in title,"
            + " author or subject: id, title, author, language, tab-separated. Fetches the catalog on first use.")
    static final class Search implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        MirrorOption mirror = new MirrorOption();

        @Option(names = "--language", paramLabel = "CODE", description = "only books in this language (en, fr, ...)")
        String language;

        @Option(names = "--refresh", description = "fetch the catalog again first")
        boolean refresh;

        @Parameters(arity = "1..*", paramLabel = "QUERY", description = "words to look for")
        List<String> words;

        @Override
        public Integer call() {
            Library library = mirror.library();
            PrintWriter err = spec.commandLine().getErr();
            ProgressReporter progress = ProgressReporter.on(err, "downloading the catalog");
            var catalog = refresh ? library.refreshCatalog(progress, new Cancellation())
                    : library.catalog(progress, new Cancellation());
            progress.finish();
            List<CatalogEntry> found = catalog.search(String.join(" ", words), language, Integer.MAX_VALUE);
            PrintWriter out = spec.commandLine().getOut();
            for (CatalogEntry entry : found) {
                // Catalog fields are text from outside: escaped, so C1 controls and bidi overrides show as codes.
                out.println(entry.id() + "\t" + Printable.escape(entry.title()) + "\t"
                        + Printable.escape(entry.authorOrUnknown()) + "\t" + Printable.escape(entry.language()));
            }
            out.flush();
            if (found.isEmpty()) {
                ScribeCommand.warn(err, "no text in the catalog matches \"" + String.join(" ", words) + "\""
                        + (language == null ? "" : " in language " + language) + ".");
            }
            return 0;
        }
    }

    @Command(name = "get", description = "Download book ID into the library and print \"saved <path>\".")
    static final class Get implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        MirrorOption mirror = new MirrorOption();

        @Parameters(paramLabel = "ID", description = "the book's number in the catalog (as search prints it)")
        int id;

        @Override
        public Integer call() {
            if (id <= 0) {
                throw new ScribeException("A book number is positive (got " + id + ").");
            }
            ProgressReporter progress = ProgressReporter.on(spec.commandLine().getErr(), "downloading book " + id);
            Path saved = mirror.library().get(id, progress, new Cancellation());
            progress.finish();
            spec.commandLine().getOut().println("saved " + Printable.escape(saved.toString()));
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    @Command(name = "list", description = "Print the books in the library: id, title, author, file, tab-separated.")
    static final class ListBooks implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Library library = Library.ofUser(Mirror.mainSite());
            List<Library.Book> books = library.list();
            for (Library.Book book : books) {
                out.println(book.id() + "\t" + Printable.escape(book.label().title()) + "\t"
                        + Printable.escape(book.label().author()) + "\t" + Printable.escape(book.file().toString()));
            }
            out.flush();
            if (books.isEmpty()) {
                ScribeCommand.warn(spec.commandLine().getErr(), "the library (" + library.folder()
                        + ") has no books yet; library get ID adds one.");
            }
            return 0;
        }
    }
}
