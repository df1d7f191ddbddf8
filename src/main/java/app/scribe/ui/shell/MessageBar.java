package app.scribe.ui.shell;

import app.scribe.ui.common.Messages;

import javafx.animation.PauseTransition;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.util.Duration;

/**
 * The message bar at the bottom of the window: part of the layout, so it never covers a control. Notes go after
 * 5 seconds and problems after 12; a failure Scribe did not expect stays until closed.
 */
public final class MessageBar extends HBox {
    private static final PseudoClass PROBLEM = PseudoClass.getPseudoClass("problem");

    private final Label text = new Label();
    private final PauseTransition hide = new PauseTransition();

    MessageBar(Messages messages) {
        getStyleClass().add("message-bar");
        setAlignment(Pos.CENTER_LEFT);
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
            }
        });
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
        setManaged(true);
        hide.stop();
        if (message.kind() != Messages.Kind.FAILURE) {
            hide.setDuration(Duration.seconds(message.kind() == Messages.Kind.INFO ? 5 : 12));
            hide.playFromStart();
        }
    }

    private void hide() {
        hide.stop();
        setVisible(false);
        setManaged(false);
    }
}
