package app.scribe.ui.generate;

import app.scribe.ui.common.Tints;

import app.scribe.analysis.NoveltyIndex;
import app.scribe.corpus.RecordFormat;
import app.scribe.analysis.TextTrace;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.CornerRadii;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Popup;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Generate tab's finished text tinted by how likely the model found each character (a background from dark
 * violet, unlikely, to yellow, expected), its longest copied span underlined. Hovering a character frames it and
 * shows the model's five likeliest choices there in a popup at the character; clicking a character holds the popup,
 * and clicking one of its alternatives regenerates the text from that point with that character.
 */
final class TintedText {
    /** Beyond this many characters the text is shown plain: one node per character would slow the window down. */
    private static final int MAX_TINTED_CHARACTERS = 5_000;
    private static final double POPUP_WIDTH = 420;
    /**
     * A text flow may break a line between any two of its nodes, so the characters of a word share one box and lines
     * break between words; a run without spaces is cut into boxes of this many characters, so that it still wraps.
     */
    private static final int LONGEST_UNBROKEN = 30;

    private final GenerationViewModel generation;
    private final ScrollPane outputScroll;
    private final TextFlow outputFlow;
    private final TextFlow colouredFlow;
    private final Label alternativesLabel = new Label();
    private final FlowPane alternativesBox = new FlowPane(4, 4);
    private final VBox popupContent = new VBox(alternativesLabel, alternativesBox);
    /** The hovered character's alternatives, shown at the character like a spelling suggestion. */
    private final Popup alternativesPopup = new Popup();
    /** The continuation's characters, in order: a label per character, a text per newline. */
    private final List<Node> characters = new ArrayList<>();
    private int held = -1;
    private int hovered = -1;

    TintedText(GenerationViewModel generation, ScrollPane outputScroll, TextFlow outputFlow, TextFlow colouredFlow) {
        this.generation = generation;
        this.outputScroll = outputScroll;
        this.outputFlow = outputFlow;
        this.colouredFlow = colouredFlow;
        generation.traceProperty().addListener((obs, old, now) -> showTinted(now));
        generation.longestCopyProperty().addListener((obs, old, now) -> underline(now));
        buildPopup();
    }

    /** Lets go of the held character and hides its alternatives. */
    void hidePopup() {
        alternativesPopup.hide();
    }

    private void buildPopup() {
        alternativesLabel.setId("alternativesLabel");
        alternativesLabel.setWrapText(true);
        alternativesLabel.setMaxWidth(POPUP_WIDTH);
        alternativesBox.setId("alternativesBox");
        alternativesBox.setPrefWrapLength(POPUP_WIDTH);
        popupContent.setId("alternativesPopup");
        popupContent.getStyleClass().add("alternatives-popup");
        alternativesPopup.getContent().add(popupContent);
        alternativesPopup.setAutoHide(true);
        alternativesPopup.setConsumeAutoHidingEvents(false);
        alternativesPopup.setOnHidden(e -> {
            held = -1;
            highlight(-1);
        });
        outputScroll.vvalueProperty().addListener((obs, old, now) -> alternativesPopup.hide());
        colouredFlow.setOnMouseExited(e -> {
            if (held < 0) {
                alternativesPopup.hide();
            }
        });
    }

    /** Replaces the plain text by one tinted node per character once the model has read the text back. */
    private void showTinted(TextTrace trace) {
        alternativesPopup.hide();
        characters.clear();
        held = -1;
        hovered = -1;
        if (trace == null || trace.length() > MAX_TINTED_CHARACTERS) {
            colouredFlow.getChildren().clear();
            colouredFlow.setVisible(false);
            outputFlow.setVisible(true);
            return;
        }
        Text prompt = new Text(generation.shownPromptProperty().get());
        prompt.getStyleClass().add("prompt-text");
        List<Node> nodes = new ArrayList<>();
        nodes.add(prompt);
        HBox word = null;
        for (int i = 0; i < trace.length(); i++) {
            Node ch = tinted(trace.codePoint(i), trace.probability(i));
            int position = i;
            ch.setOnMouseEntered(e -> {
                if (held < 0) {
                    showAlternatives(trace, position);
                }
            });
            ch.setOnMouseClicked(e -> {
                held = position;
                showAlternatives(trace, position);
            });
            characters.add(ch);
            int codePoint = trace.codePoint(i);
            if (Character.isWhitespace(codePoint)) {
                word = null;
                nodes.add(ch);
                continue;
            }
            if (word == null || word.getChildren().size() == LONGEST_UNBROKEN) {
                word = new HBox();
                nodes.add(word);
            }
            word.getChildren().add(ch);
            if (codePoint == RecordFormat.MARK) {
                word = null;
                nodes.add(new Text("\n")); // a records model's mark ends a record: the next one on its own line
            }
        }
        colouredFlow.getChildren().setAll(nodes);
        colouredFlow.setVisible(true);
        outputFlow.setVisible(false);
    }

    /** A character on a background of its probability, in black or white, whichever reads better on it. */
    private static Node tinted(int codePoint, double probability) {
        if (codePoint == '\n') {
            Text newline = new Text("\n");
            newline.getStyleClass().add("tinted-char");
            return newline;
        }
        Label ch = new Label(RecordFormat.shown(new String(Character.toChars(codePoint))));
        Color background = Tints.confidence(probability);
        ch.getStyleClass().add("tinted-char");
        ch.setPadding(Insets.EMPTY);
        ch.setBackground(new Background(new BackgroundFill(background, CornerRadii.EMPTY, Insets.EMPTY)));
        ch.setTextFill(Tints.textOn(background));
        return ch;
    }

    private void underline(NoveltyIndex.Match match) {
        for (Node ch : characters) {
            setUnderline(ch, false);
        }
        if (match != null && match.length() > 0) {
            for (int i = match.queryStart(); i < match.queryStart() + match.length() && i < characters.size(); i++) {
                setUnderline(characters.get(i), true);
            }
        }
    }

    private static void setUnderline(Node ch, boolean underline) {
        if (ch instanceof Label label) {
            label.setUnderline(underline);
        }
    }

    /** Fills the popup with the model's alternatives at {@code position} and shows it just below that character. */
    private void showAlternatives(TextTrace trace, int position) {
        highlight(position);
        String ch = Tints.printable(trace.codePoint(position));
        String state = held == position ? " (held; click elsewhere or press Esc to let go)" : "";
        alternativesLabel.setText(String.format(Locale.ROOT, "Character %d '%s' had p = %s%s. The likeliest here "
                + "(click one to write on from it):", position, ch, Tints.percent(trace.probability(position)), state));
        alternativesBox.getChildren().clear();
        List<TextTrace.Alternative> alternatives = trace.alternatives(position);
        for (int k = 0; k < alternatives.size(); k++) {
            TextTrace.Alternative alternative = alternatives.get(k);
            String character = generation.characterOf(alternative.index());
            boolean written = character.codePointAt(0) == trace.codePoint(position);
            Button button = new Button("'" + Tints.printable(character.codePointAt(0)) + "' "
                    + Tints.percent(alternative.probability()) + (written ? " (written)" : ""));
            button.setId("alternative" + k);
            button.disableProperty().bind(generation.generatingProperty());
            button.setOnAction(e -> generation.branch(position, character));
            alternativesBox.getChildren().add(button);
        }
        Node anchor = characters.get(position);
        Bounds bounds = anchor.localToScreen(anchor.getLayoutBounds());
        if (bounds == null) {
            return;
        }
        if (alternativesPopup.isShowing()) {
            alternativesPopup.setX(bounds.getMinX());
            alternativesPopup.setY(bounds.getMaxY() + 2);
        } else {
            popupContent.getStylesheets().setAll(anchor.getScene().getStylesheets());
            alternativesPopup.show(anchor.getScene().getWindow(), bounds.getMinX(), bounds.getMaxY() + 2);
        }
    }

    /** Marks the hovered (or held) character; -1 marks none. */
    private void highlight(int position) {
        if (hovered >= 0 && hovered < characters.size()) {
            characters.get(hovered).getStyleClass().remove("hovered-char");
        }
        hovered = position;
        if (position >= 0) {
            characters.get(position).getStyleClass().add("hovered-char");
        }
    }
}
