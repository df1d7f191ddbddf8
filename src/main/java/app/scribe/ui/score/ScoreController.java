package app.scribe.ui.score;

import app.scribe.ui.common.Exports;
import app.scribe.ui.common.FileDialogs;
import app.scribe.ui.common.JobControls;
import app.scribe.ui.common.Keys;
import app.scribe.ui.common.Tints;

import app.scribe.analysis.TextTrace;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

/** The Score tab: the text tinted by surprise, in runs of the same tint so that long texts stay light to draw. */
public final class ScoreController {
    private static final int MAX_TINTED_CHARACTERS = 50_000;

    private final ScoreViewModel score;
    private final Exports exports;

    @FXML private TextArea scoreText;
    @FXML private Button scoreButton;
    @FXML private Button stopScoreButton;
    @FXML private ProgressBar scoreProgressBar;
    @FXML private Label scoreSummary;
    @FXML private TextFlow surpriseFlow;
    @FXML private Label scoreHint;
    @FXML private Button surprisePngButton;
    @FXML private CheckBox dynamicCheck;
    @FXML private TextField dynamicRateField;

    public ScoreController(ScoreViewModel score, Exports exports) {
        this.score = score;
        this.exports = exports;
    }

    @FXML
    private void initialize() {
        scoreText.textProperty().bindBidirectional(score.textProperty());
        dynamicCheck.selectedProperty().bindBidirectional(score.dynamicProperty());
        dynamicRateField.textProperty().bindBidirectional(score.dynamicRateProperty());
        dynamicRateField.disableProperty().bind(dynamicCheck.selectedProperty().not());
        Keys.onShortcutEnter(scoreText, score::score);
        JobControls.startAndStop(score.scoringProperty(), stopScoreButton, scoreButton);
        JobControls.progress(scoreProgressBar, score.progressShownProperty(), score.progressProperty());
        scoreSummary.textProperty().bind(score.summaryProperty());
        scoreHint.visibleProperty().bind(score.traceProperty().isNull().and(score.scoringProperty().not()));
        score.traceProperty().addListener((obs, old, now) -> redraw(now));
        exports.savesPng(surprisePngButton, surpriseFlow, "surprise.png", score.traceProperty().isNull());
    }

    private void redraw(TextTrace trace) {
        if (trace == null) {
            surpriseFlow.getChildren().clear();
            return;
        }
        List<Text> runs = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        Color runColour = null;
        int shown = Math.min(trace.length(), MAX_TINTED_CHARACTERS);
        for (int i = 0; i < shown; i++) {
            // Surprise rounded to a quarter bit: neighbours of about the same surprise share one node.
            double bits = trace.known(i) ? Math.round(trace.surprise(i) * 4) / 4.0 : Double.NaN;
            Color colour = Tints.surprise(bits);
            if (!colour.equals(runColour) && run.length() > 0) {
                runs.add(tinted(run.toString(), runColour));
                run.setLength(0);
            }
            runColour = colour;
            run.appendCodePoint(trace.codePoint(i));
        }
        if (run.length() > 0) {
            runs.add(tinted(run.toString(), runColour));
        }
        surpriseFlow.getChildren().setAll(runs);
    }

    private static Text tinted(String text, Color colour) {
        Text node = new Text(text);
        node.setFill(colour);
        node.getStyleClass().add("tinted-char");
        return node;
    }

    @FXML private void scoreNow() { score.score(); }
    @FXML private void stopScoring() { score.stop(); }

    @FXML
    private void openText() {
        File file = FileDialogs.openText(scoreText.getScene().getWindow(), "Open a text to score");
        if (file != null) {
            score.open(file.toPath());
        }
    }
}
