package app.scribe.ui.lab;

import app.scribe.ScribeException;
import app.scribe.ShippedBooks;
import app.scribe.corpus.Corpus;
import app.scribe.corpus.CorpusReader;
import app.scribe.lab.CellsOnText;
import app.scribe.lab.Numbers;
import app.scribe.lab.Sweep;
import app.scribe.model.CellType;
import app.scribe.model.Hyperparameters;
import javafx.scene.control.TextField;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Page 6: several cells trained on the same book for the same steps; their validation curves overlaid. */
public final class CellsPage extends LabPage {
    final TextField book = form.file("Book (text file)", "Book", defaultBook());
    final TextField cells = form.text("Cells", "Cells", CellsOnText.DEFAULT_CELLS);
    final TextField steps = form.text("Steps each", "Steps", "500");
    final TextField seed = form.text("Seed", "Seed", Long.toString(Hyperparameters.defaults().seed()));

    CellsPage() {
        super("cells", "Which cell writes best for the same effort? The same book, the seed reports' settings "
                        + "(2 x 128, sequence 30, batch 64, RMSprop 2e-3) and the same steps for each cell.",
                "The seed reports trained only LSTMs on text (seed 000: 2 x 128 on a book; seed 003 compares GRU and "
                        + "LSTM in words): gates let a cell keep context, so the LSTM and GRU should beat the "
                        + "plain RNN.",
                "step", "validation loss (nats/char)");
    }

    private static String defaultBook() {
        Path vf = ShippedBooks.folder().resolve("vanity_fair.txt");
        return Files.isRegularFile(vf) ? vf.toAbsolutePath().toString() : "";
    }

    @Override
    Experiment prepare() {
        Path path = form.read(book, () -> {
            Path p = Path.of(book.getText().strip());
            if (book.getText().isBlank() || !Files.isRegularFile(p)) {
                throw new ScribeException("Name a text file that exists.");
            }
            return p;
        });
        List<CellType> list = form.read(cells, () -> Sweep.cells(cells.getText()));
        Integer n = form.read(steps, () -> LabForm.whole(steps, 1, CellsOnText.MAX_STEPS, "steps"));
        Long s = form.read(seed, () -> Long.parseLong(seed.getText().strip()));
        return (sink, stop) -> {
            Corpus corpus = new CorpusReader().read(path);
            sink.header(List.of("cell", "steps", "final_val_loss", "ending"));
            List<CellsOnText.Result> results = CellsOnText.run(corpus, list, n, Hyperparameters.defaults()
                    .withSeed(s), stop, new CellsOnText.Listener() {
                        @Override
                        public void validation(CellType cell, long step, double loss) {
                            sink.point(cell.id(), step, loss);
                        }

                        @Override
                        public void progress(CellType cell, long step) {
                            sink.progress((list.indexOf(cell) + (double) step / n) / list.size());
                        }
                    });
            StringBuilder summary = new StringBuilder();
            for (CellsOnText.Result r : results) {
                sink.row(List.of(r.cell().id(), Long.toString(r.steps()), Numbers.result(r.validationLoss()),
                        r.ending()));
                summary.append(summary.length() == 0 ? "" : ", ").append(r.cell().id()).append(' ')
                        .append(Numbers.result(r.validationLoss()));
            }
            return (stop.requested() ? "Stopped. " : "") + "Validation loss after training: " + summary + ".";
        };
    }
}
