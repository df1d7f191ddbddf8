package app.scribe.ui;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every setting of the training form and of the sampling panes says what it does, its range and the seeds' value. */
class TooltipsTest extends VanityFairWindow {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void everySettingHasATooltip(FxRobot robot) {
        Parent root = stage.getScene().getRoot();
        TabPane studio = robot.from(root).lookup("#studioTabs").queryAs(TabPane.class);
        List<Control> settings = new ArrayList<>();
        collect(robot.from(root).lookup("#trainingForm").query(), settings);
        studio.getTabs().stream().filter(tab -> List.of("Generate", "Temperatures", "Write").contains(tab.getText()))
                .forEach(tab -> collect(tab.getContent(), settings));
        assertEquals(14 + 14 + 1 + 6, settings.size(),
                "the form's 14 settings (Train for minutes), Generate's 14 (Max copy, Records' new only), Temperatures' 1, Write's 6");
        for (Control control : settings) {
            assertTrue(control.getTooltip() != null && !control.getTooltip().getText().isBlank(),
                    "#" + control.getId() + " has a tooltip");
        }
        Map<String, String> seedValues = Map.of("#hiddenSpinner", "128", "#layersSpinner", "used 2",
                "#seqSpinner", "used 30", "#batchSpinner", "used 64", "#learningRateField", "2e-3",
                "#temperatureSlider", "0.5, 1.0 and 2.0");
        seedValues.forEach((id, value) -> {
            String tip = robot.from(root).lookup(id).queryAs(Control.class).getTooltip().getText();
            assertTrue(tip.contains(value) && tip.contains("seed report"), id + " gives the seed reports' " + value
                    + ": " + tip);
        });
    }

    /** The input controls under {@code node}, not those inside another control (a spinner's editor). */
    private static void collect(Node node, List<Control> settings) {
        if (node instanceof Spinner<?> || node instanceof TextField || node instanceof Slider
                || node instanceof CheckBox || node instanceof ChoiceBox<?> || node instanceof ComboBox<?>) {
            settings.add((Control) node);
        } else if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> collect(child, settings));
        }
    }
}
