package app.scribe.ui.common;

import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * The window's keyboard shortcuts (the menu bar carries them). Only the Train button and {@link #TRAIN} start training; Enter in a field does
 * what that field is for (the fields' own onAction), so typing a value and pressing Enter never trains.
 */
public final class Keys {
    /** Starts or continues training, as the Train button does: Ctrl+T (Cmd+T on a Mac). */
    public static final KeyCombination TRAIN = new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN);
    /** Ctrl+Enter (Cmd+Enter on a Mac): runs a text area's action, where plain Enter starts a new line. */
    static final KeyCombination SHORTCUT_ENTER = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);
    /** Generates, where no text area claims Ctrl+Enter for its own action. */
    public static final KeyCombination GENERATE = SHORTCUT_ENTER;
    public static final KeyCombination STOP_GENERATION = new KeyCodeCombination(KeyCode.ESCAPE);
    public static final KeyCombination OPEN = new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination SAVE = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination QUIT = new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN);

    private Keys() {
    }

    /** Runs {@code action} when Ctrl+Enter is pressed in {@code field}. */
    public static void onShortcutEnter(Node field, Runnable action) {
        field.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (SHORTCUT_ENTER.match(event)) {
                event.consume();
                action.run();
            }
        });
    }
}
