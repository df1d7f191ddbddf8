package app.scribe.cli;

import app.scribe.corpus.Corpus;
import app.scribe.corpus.CorpusReader;
import app.scribe.lab.CellsOnText;
import app.scribe.lab.Numbers;
import app.scribe.lab.Stop;
import app.scribe.lab.Sweep;
import app.scribe.model.CellType;
import app.scribe.model.Hyperparameters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

@Command(name = "cells", description = "Train several cells on the same book for the same steps; their validation "
        + "losses.")
final class LabCellsCommand extends LabReport {
    @Option(names = "--corpus", required = true, description = "the book (a text file)")
    Path corpusFile;

    @Option(names = "--cells", completionCandidates = CellChoices.class, description = "cells separated by commas, "
            + "of ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE})")
    String cells = CellsOnText.DEFAULT_CELLS;

    @Option(names = "--steps", description = "training steps for each cell (default 500)")
    long steps = 500;

    @Option(names = "--seed", description = "random seed (default 42)")
    long seed = Hyperparameters.defaults().seed();

    @Override
    void print(PrintWriter out) {
        List<CellType> cellList = Sweep.cells(cells);
        Corpus corpus = new CorpusReader().read(corpusFile);
        List<CellsOnText.Result> results = CellsOnText.run(corpus, cellList, steps, Hyperparameters.defaults().withSeed(seed), new Stop(),
                new CellsOnText.Listener() {
                    @Override
                    public void validation(CellType cell, long step, double loss) {
                        out.println("cell=" + cell.id() + " step=" + step + " val_loss=" + Numbers.result(loss));
                        out.flush();
                    }

                    @Override
                    public void progress(CellType cell, long step) {
                    }
                });
        for (CellsOnText.Result r : results) {
            out.println("cell=" + r.cell().id() + " steps=" + r.steps() + " final_val_loss="
                    + Numbers.result(r.validationLoss()));
        }
    }
}
