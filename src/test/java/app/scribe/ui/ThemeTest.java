package app.scribe.ui;

import app.scribe.ui.common.Theme;
import app.scribe.ui.shell.ScribeApp;

import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Light and dark, picked in the View menu, restyle the real window, its text stays readable, and the choice outlives a restart. */
class ThemeTest extends VanityFairWindow {
    private static final String NODE = "/scribe-theme-test";
    private static String previousNode;

    @BeforeAll
    static void ownPreferences() {
        previousNode = System.setProperty(Theme.NODE_PROPERTY, NODE);
    }

    @AfterAll
    static void clearPreferences() throws BackingStoreException {
        if (Preferences.userRoot().nodeExists(NODE)) {
            Preferences.userRoot().node(NODE).removeNode();
        }
        if (previousNode == null) {
            System.clearProperty(Theme.NODE_PROPERTY);
        } else {
            System.setProperty(Theme.NODE_PROPERTY, previousNode);
        }
        Application.setUserAgentStylesheet(Theme.userAgentStylesheet(false));
    }

    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void darkAndLightRestyleTheWindowAndTheChoiceSurvivesARestart(FxRobot robot) throws BackingStoreException {
        Parent root = stage.getScene().getRoot();
        assertNull(Preferences.userRoot().node(NODE).get(Theme.KEY, null),
                "reading the theme at start-up stores no choice (System keeps following the desktop)");

        robot.clickOn("View").clickOn("Theme").clickOn("Dark");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Theme.userAgentStylesheet(true), Application.getUserAgentStylesheet());
        assertTrue(root.getStyleClass().contains(Theme.DARK_CLASS));
        assertTrue(brightness(robot, root) > 0.6, "light text on the dark theme: " + brightness(robot, root));

        Stage[] restarted = new Stage[1];
        ScribeApp second = new ScribeApp();
        robot.interact(() -> {
            restarted[0] = new Stage();
            Application.setUserAgentStylesheet(null);
            second.start(restarted[0]);
        });
        assertEquals(Theme.Choice.DARK, Theme.ofUser().stored());
        assertTrue(restarted[0].getScene().getRoot().getStyleClass().contains(Theme.DARK_CLASS),
                "a new window opens dark");
        assertEquals(Theme.userAgentStylesheet(true), Application.getUserAgentStylesheet());
        robot.interact(() -> {
            restarted[0].close();
            second.stop();
        });

        robot.clickOn("View").clickOn("Theme").clickOn("Light");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Theme.userAgentStylesheet(false), Application.getUserAgentStylesheet());
        assertFalse(root.getStyleClass().contains(Theme.DARK_CLASS));
        assertTrue(brightness(robot, root) < 0.4, "dark text on the light theme: " + brightness(robot, root));
        assertEquals(Theme.Choice.LIGHT, Theme.ofUser().stored());
    }

    @Test
    void inDarkTheGridsKeepDarkInkOnTheirWhitePaperTheLabButtonItsFrameAndTheFocusStaysOffTheModelName(FxRobot robot) {
        Parent root = stage.getScene().getRoot();
        TextField name = robot.from(root).lookup("#modelNameField").queryAs(TextField.class);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(name.isFocused(), "the window opens with the model's name focused, ready to be typed over");
        robot.interact(() -> Theme.ofUser().apply(stage.getScene(), Theme.Choice.DARK));
        try {
            gridInkAndFocusInDark(robot, root, name);
        } finally {
            Preferences.userRoot().node(NODE).remove(Theme.KEY); // the other test starts with no choice kept
        }
    }

    private static void gridInkAndFocusInDark(FxRobot robot, Parent root, TextField name) {
        WindowProbe.trainSmallModel(robot, root, "vf.txt", 20);
        robot.interact(() -> robot.from(root).lookup("#temperaturesField").queryAs(TextField.class).setText("1.0"));
        WindowProbe.click(robot, robot.from(root).lookup("#gridButton").queryButton());
        WindowProbe.waitUntil(robot, root, () -> root.lookup("#gridText0") != null
                && !((Text) ((TextFlow) root.lookup("#gridText0")).getChildren().get(0)).getText().isEmpty());
        WindowProbe.waitUntil(robot, root, () -> !robot.from(root).lookup("#gridButton").queryButton().isDisabled());
        assertFalse(name.isFocused(), "Generate grid sends the focus to the model's name, ready to be typed over");
        robot.interact(() -> {
            GridPane grid = (GridPane) root.lookup("#temperatureGrid");
            Text text = (Text) ((TextFlow) root.lookup("#gridText0")).getChildren().get(0);
            Label heading = (Label) grid.getChildren().get(0);
            assertTrue(((Color) text.getFill()).getBrightness() < 0.4, "grid text ink " + text.getFill());
            assertTrue(((Color) heading.getTextFill()).getBrightness() < 0.4, "grid heading ink " + heading.getTextFill());
            Label step = (Label) ((GridPane) root.lookup("#timelineGrid")).getChildren().get(0);
            step.applyCss();
            assertTrue(((Color) step.getTextFill()).getBrightness() < 0.4, "timeline heading ink " + step.getTextFill());
            Button lab = robot.from(root).lookup("#labButton").queryButton();
            assertTrue(lab.getBackground() != null && lab.getBackground().getFills().stream()
                    .anyMatch(fill -> !Color.TRANSPARENT.equals(fill.getFill())), "the Lab button is drawn flat");
        });
    }

    @Test
    void gnomeAsksForDarkByColourSchemeOrThemeName() {
        assertTrue(Theme.isDarkGnome("'prefer-dark'", "'Adwaita'"));
        assertTrue(Theme.isDarkGnome("", "'Yaru-dark'"));
        assertTrue(Theme.isDarkGnome("", "Adwaita:dark"));
        assertFalse(Theme.isDarkGnome("'default'", "'Adwaita'"));
        assertFalse(Theme.isDarkGnome("", ""));
    }

    /** The brightness of the status line's text, as the user sees it. */
    private static double brightness(FxRobot robot, Parent root) {
        Label status = robot.from(root).lookup("#statusLabel").queryAs(Label.class);
        return ((Color) status.getTextFill()).getBrightness();
    }
}
