package app.scribe.cli;

import app.scribe.Printable;
import app.scribe.ScribeException;
import app.scribe.corpus.Corpus;
import app.scribe.corpus.CorpusInfo;
import app.scribe.corpus.RecordFormat;
import app.scribe.corpus.RecordText;
import app.scribe.persistence.SavedModel;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;

/** {@code train --records [--separator S]}: learn a text of short items as records. */
final class RecordTrainOptions {
    @Option(names = "--records", description = "learn the text as records (names, titles, words, quotations): each "
            + "from a fresh state up to its end, one a line unless --separator says otherwise")
    boolean records;

    @Option(names = "--separator", description = "with --records: records are separated by lines holding only S "
            + "(such as %%); an empty S ('') separates them by blank lines")
    String separator;

    /**
     * How the corpus is cut: as {@code --records} says for a new model, as {@code saved} was for a resumed one (which
     * keeps its mode); null for one stream. Refuses what cannot go together.
     */
    RecordFormat format(SavedModel saved, Path validationFile) {
        if (separator != null && !records) {
            throw new ScribeException("--separator says how records are separated; it needs --records.");
        }
        CorpusInfo.RecordsInfo trained = saved == null ? null : saved.corpus().records();
        if (saved != null && records != (trained != null)) {
            throw new ScribeException(records ? "The model to resume was not trained on records; continue it "
                    + "without --records." : "The model to resume was trained on records; continue it with --records.");
        }
        RecordFormat format = trained != null ? trained.format() : records ? RecordFormat.of(separator) : null;
        if (format != null && validationFile != null) {
            throw new ScribeException("--val cannot be used with --records: records validate on their own held-out "
                    + "records (one in 20).");
        }
        return format;
    }

    /** Says how many records the corpus has and how records longer than a window are learnt. */
    void announce(Corpus corpus, int seqLength, PrintWriter console) {
        if (!corpus.isRecords()) {
            return;
        }
        RecordText text = RecordText.of(corpus);
        int longer = 0;
        for (int i = 0; i < text.count(); i++) {
            if (text.length(i) + 1 > seqLength) {
                longer++;
            }
        }
        console.printf("records: %,d, %s, the longest %,d characters%n", text.count(),
                Printable.escape(corpus.records().describe()), text.longest());
        if (longer > 0) {
            console.printf("%,d records are longer than a window of %d: each is learnt in windows of %d, the later ones"
                    + " from a fresh state inside the record (--seq sets the window)%n", longer, seqLength, seqLength);
        }
    }
}
