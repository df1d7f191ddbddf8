package app.scribe.ui.lab;

import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.util.List;

/** The seeds' lab: a window with one tab per experiment page; closing it stops what runs. */
public final class LabWindow {
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
        stage.setScene(new Scene(tabs, 1000, 820));
        stage.setOnHidden(e -> pages.forEach(LabPage::stop));
        stage.show();
        return stage;
    }
}
