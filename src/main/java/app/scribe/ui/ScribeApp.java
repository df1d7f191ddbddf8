package app.scribe.ui;

import javafx.application.Application;
import javafx.stage.Stage;

public final class ScribeApp extends Application {
    @Override
    public void start(Stage stage) {
        stage.setTitle("Scribe");
        stage.show();
    }
}
