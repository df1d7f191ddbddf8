package app.scribe.ui;

import app.scribe.analysis.VerbatimIndex;
import app.scribe.ui.common.BackgroundWork;
import app.scribe.ui.common.Messages;
import app.scribe.ui.common.Session;
import app.scribe.ui.training.TrainingViewModel;
import app.scribe.ui.write.WriteViewModel;

import app.scribe.TestCorpora;
import app.scribe.cli.ScribeCommand;
import app.scribe.persistence.ModelFile;
import app.scribe.persistence.SavedModel;
import app.scribe.writing.Completer;
import app.scribe.writing.CompletionSearch;
import app.scribe.writing.Until;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The Write tab's view-model with its real threads: a suggestion still being computed when the text moves on is
 * dropped, and the one shown is the suggestion for the new text.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class WriteViewModelTest {
    @TempDir
    static Path dir;
    static SavedModel saved;

    @BeforeAll
    static void train() throws IOException {
        String book = Files.readString(TestCorpora.book("vanity_fair.txt")).substring(20_000, 50_000);
        Path corpus = Files.writeString(dir.resolve("vf.txt"), book);
        Path model = dir.resolve("vf.scribe");
        int code = ScribeCommand.run(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                "train", "--corpus", corpus.toString(), "--out", model.toString(), "--hidden", "32", "--layers", "1",
                "--seq", "32", "--batch", "16", "--lr", "1e-2", "--steps", "60");
        assertEquals(0, code);
        saved = new ModelFile().load(model);
    }

    @Test
    void aSuggestionForATextThatHasMovedOnIsDropped(FxRobot robot) throws Exception {
        BackgroundWork background = new BackgroundWork();
        Session session = new Session(dir, dir, background, new Messages());
        WriteViewModel[] write = new WriteViewModel[1];
        List<String> ghosts = new CopyOnWriteArrayList<>();
        robot.interact(() -> {
            write[0] = new WriteViewModel(session, new TrainingViewModel(session), new VerbatimIndex.Cache());
            session.modelProperty().set(new Session.ModelState(saved.model(), saved.vocabulary(), saved.corpus(),
                    saved.history()));
            write[0].ghostProperty().addListener((obs, old, now) -> ghosts.add(now));
        });
        CountDownLatch busy = new CountDownLatch(1);
        background.writing().execute(() -> {
            try {
                busy.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        String old = "It is a truth universally ";
        String now = "She was very happy to see him again, and she";
        robot.interact(() -> {
            write[0].edited(old, old.length());
            write[0].suggest();
            write[0].edited(now, now.length());
        });
        busy.countDown();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> ghosts.stream().anyMatch(g -> !g.isEmpty()));
        String expected = new Completer(saved.model(), saved.vocabulary())
                .complete(now, Until.WORD, 1, CompletionSearch.greedy(), () -> false).completions().get(0).text();
        String first = ghosts.stream().filter(g -> !g.isEmpty()).findFirst().orElseThrow();
        assertEquals(expected, first, "the first ghost shown is the new text's; the old text's was dropped");
        background.shutdown();
    }
}
