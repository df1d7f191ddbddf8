package app.scribe.ui.lab;

import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.util.List;

/** The seeds' lab: a window with one tab per experiment page; closing it stops what runs. */
public final class LabWindow {
    /** Room left around the scene for the frame and title bar that the platform draws (a title bar is about 30 px). */
    private static final double FRAME_WIDTH = 16;
    private static final double FRAME_HEIGHT = 48;

    private LabWindow() {
    }

    public static Stage open(Window owner) {
        List<LabPage> pages = List.of(new PalindromePage(), new GradientsPage(), new TimeGatePage(), new PowerPage(),
                new OptimizersPage(), new CellsPage());
        List<String> titles = List.of("Palindromes", "Gradient flow", "Time gate", "Powers of W", "Optimisers",
                "Cells on text");
        TabPane tabs = new TabPane();
        tabs.setId("labTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        for (int i = 0; i < pages.size(); i++) {
            ScrollPane scroll = new ScrollPane(pages.get(i).root);
            scroll.setFitToWidth(true);
            scroll.setFitToHeight(true);
            Tab tab = new Tab(titles.get(i), scroll);
            tab.setId(pages.get(i).id + "Tab");
            tabs.getTabs().add(tab);
        }
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle("Scribe — the seeds' lab");
        Rectangle2D screen = screenOf(owner);
        // The scene leaves room for the window's frame and title bar, which the platform adds around it.
        double width = Math.min(1000, screen.getWidth() - FRAME_WIDTH);
        double height = Math.min(820, screen.getHeight() - FRAME_HEIGHT);
        Scene scene = new Scene(tabs, width, height);
        scene.getStylesheets().add(LabWindow.class.getResource("/app/scribe/ui/scribe.css").toExternalForm());
        stage.setScene(scene);
        stage.setOnShown(e -> placeWithin(stage, owner, screen));
        stage.setOnHidden(e -> pages.forEach(LabPage::stop));
        stage.show();
        return stage;
    }

    /**
     * Whole within the screen's visual bounds, frame and title bar included (known once shown): centred on its owner
     * where that fits, else moved inside, and made smaller where the frame is larger than the room left for it.
     */
    private static void placeWithin(Stage stage, Window owner, Rectangle2D screen) {
        double width = Math.min(stage.getWidth(), screen.getWidth());
        double height = Math.min(stage.getHeight(), screen.getHeight());
        stage.setWidth(width);
        stage.setHeight(height);
        double x = owner == null ? screen.getMinX() : owner.getX() + (owner.getWidth() - width) / 2;
        double y = owner == null ? screen.getMinY() : owner.getY() + (owner.getHeight() - height) / 2;
        stage.setX(Math.max(screen.getMinX(), Math.min(x, screen.getMaxX() - width)));
        stage.setY(Math.max(screen.getMinY(), Math.min(y, screen.getMaxY() - height)));
    }

    /** The visual bounds (without task bars) of the screen that holds most of {@code owner}, else the primary one. */
    private static Rectangle2D screenOf(Window owner) {
        if (owner != null) {
            List<Screen> screens = Screen.getScreensForRectangle(owner.getX(), owner.getY(), owner.getWidth(),
                    owner.getHeight());
            if (!screens.isEmpty()) {
                return screens.get(0).getVisualBounds();
            }
        }
        return Screen.getPrimary().getVisualBounds();
    }
}
