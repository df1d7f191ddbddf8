package app.scribe.ui.shell;

import app.scribe.ui.common.Messages;

import javafx.animation.PauseTransition;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.Duration;

/**
 * The message bar at the bottom of the window. The window keeps a strip of one line for it ({@link #strip()}), and
 * the bar lies over that strip: showing or hiding a message never moves a control, and a message longer than one
 * line grows the bar upwards over the panes until it goes. Notes go after 5 seconds and problems after 12; a
 * failure Scribe did not expect stays until closed.
 */
public final class MessageBar extends HBox {
    private static final PseudoClass PROBLEM = PseudoClass.getPseudoClass("problem");

    /** The height of the strip the window keeps for the bar: one line of text and the close button. */
    private static final double STRIP_HEIGHT = 30;

    private final Label text = new Label();
    private final PauseTransition hide = new PauseTransition();
    private final Region strip = new Region();

    MessageBar(Messages messages) {
        getStyleClass().add("message-bar");
        setAlignment(Pos.CENTER_LEFT);
        setMinHeight(STRIP_HEIGHT);
        setMaxHeight(USE_PREF_SIZE);
        text.setMinHeight(USE_PREF_SIZE);
        strip.getStyleClass().add("message-strip");
        strip.setMinHeight(STRIP_HEIGHT);
        strip.setPrefHeight(STRIP_HEIGHT);
        strip.setMaxHeight(STRIP_HEIGHT);
        text.setWrapText(true);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        Button close = new Button("×");
        close.setId("closeMessageButton");
        close.setOnAction(e -> hide());
        getChildren().setAll(text, close);
        hide.setOnFinished(e -> hide());
        hide();
        messages.latestProperty().addListener((obs, old, message) -> {
            if (message != null) {
                show(message);
            } else {
                hide(); // a problem taken back once its field was fixed
            }
        });
    }

    /** The room the window keeps at its foot for the bar, which lies over it. */
    Region strip() {
        return strip;
    }

    /** The latest message, also after it is hidden. */
    public String getText() {
        return text.getText();
    }

    public boolean isShowing() {
        return isVisible();
    }

    private void show(Messages.Message message) {
        text.setText(message.text());
        pseudoClassStateChanged(PROBLEM, message.kind() != Messages.Kind.INFO);
        setVisible(true);
        hide.stop();
        if (message.kind() != Messages.Kind.FAILURE) {
            hide.setDuration(Duration.seconds(message.kind() == Messages.Kind.INFO ? 5 : 12));
            hide.playFromStart();
        }
    }

    private void hide() {
        hide.stop();
        setVisible(false);
    }
}
