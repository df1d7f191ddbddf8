package app.scribe.ui;

import app.scribe.ui.shell.MessageBar;
import javafx.scene.Parent;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static app.scribe.ui.WindowProbe.click;
import static app.scribe.ui.WindowProbe.trainSmallModel;
import static app.scribe.ui.WindowProbe.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * File > Serve this model puts the model in use behind the local HTTP API, which a real client reaches; a new model
 * stops it.
 */
class ServeMenuTest extends VanityFairWindow {
    private static String previousPort;

    @BeforeAll
    static void anyFreePort() {
        previousPort = System.setProperty("scribe.serve.port", "0");
    }

    @AfterAll
    static void port() {
        if (previousPort == null) {
            System.clearProperty("scribe.serve.port");
        } else {
            System.setProperty("scribe.serve.port", previousPort);
        }
    }

    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void theModelInUseAnswersOverHttpUntilItChanges(FxRobot robot) throws Exception {
        Parent root = stage.getScene().getRoot();
        trainSmallModel(robot, root, "vf.txt", 10);
        MessageBar messages = robot.from(root).lookup("#notifications").queryAs(MessageBar.class);
        robot.interact(() -> item(root, "serveItem").fire());
        waitUntil(robot, root, () -> messages.getText().startsWith("Serving "));
        Matcher at = Pattern.compile("at (http://127\\.0\\.0\\.1:\\d+/) ").matcher(messages.getText());
        assertTrue(at.find(), messages.getText());
        URI address = URI.create(at.group(1));

        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> health = client.send(HttpRequest.newBuilder(address.resolve("health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, health.statusCode());
        HttpResponse<String> completion = client.send(HttpRequest.newBuilder(address.resolve("v1/completions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"prompt\": \"She \", \"max_tokens\": 20, \"seed\": 1}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, completion.statusCode(), completion.body());
        assertTrue(completion.body().contains("\"text\""), completion.body());

        click(robot, robot.from(root).lookup("#resetButton").queryButton()); // autosaved: nothing to ask
        waitUntil(robot, root, () -> messages.getText().startsWith("Stopped serving"));
        // The server stops off the FX thread; the requests wait for that here, on the test's thread.
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
            try {
                client.send(HttpRequest.newBuilder(address.resolve("health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                return false;
            } catch (IOException refused) {
                return true;
            }
        });
        assertThrows(IOException.class, () -> client.send(HttpRequest.newBuilder(address.resolve("health")).build(),
                HttpResponse.BodyHandlers.ofString()), "the server has stopped");
    }

    private static MenuItem item(Parent root, String id) {
        MenuBar bar = (MenuBar) root.lookup("#menuBar");
        return bar.getMenus().stream().flatMap(menu -> menu.getItems().stream())
                .filter(item -> id.equals(item.getId())).findFirst().orElseThrow();
    }
}
