package app.scribe.ui.shell;

import app.scribe.ui.books.BooksController;
import app.scribe.ui.models.ModelsController;
import app.scribe.ui.models.NewModelGuard;
import app.scribe.ui.training.TrainingController;

import app.scribe.ui.common.UserPreferences;

import app.scribe.ui.books.CleaningController;
import app.scribe.ui.books.CleaningViewModel;
import app.scribe.ui.books.CorpusViewModel;
import app.scribe.ui.common.BackgroundWork;
import app.scribe.ui.common.Exports;
import app.scribe.ui.common.Messages;
import app.scribe.ui.common.ReplaceDialog;
import app.scribe.ui.common.Session;
import app.scribe.ui.common.Theme;
import app.scribe.ui.generate.GenerateController;
import app.scribe.ui.generate.GenerationViewModel;
import app.scribe.ui.generate.TemperatureGridController;
import app.scribe.ui.generate.TemperatureGridViewModel;
import app.scribe.ui.inside.CellsController;
import app.scribe.ui.inside.CellsViewModel;
import app.scribe.ui.library.LibraryViewModel;
import app.scribe.ui.library.LibraryWindow;
import app.scribe.ui.models.ModelFilesViewModel;
import app.scribe.ui.models.ServingViewModel;
import app.scribe.ui.score.ScoreController;
import app.scribe.ui.score.ScoreViewModel;
import app.scribe.ui.training.SizeAdviceViewModel;
import app.scribe.ui.training.TimelineController;
import app.scribe.ui.training.TrainingViewModel;
import app.scribe.ui.write.WriteController;
import app.scribe.ui.write.WriteViewModel;

import app.scribe.DataFolders;
import app.scribe.ShippedBooks;
import app.scribe.ShippedModels;
import app.scribe.analysis.VerbatimIndex;
import app.scribe.library.Fetcher;
import javafx.application.Application;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.fxml.FXMLLoader;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.geometry.Pos;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The desktop app. The shipped books come from beside the code ({@link ShippedBooks}), models and the library from the
 * user's data folder ({@link DataFolders}); the system properties {@code scribe.corpora} and {@code scribe.models}
 * name other folders.
 */
public final class ScribeApp extends Application {
    /** The window's least size, at which the panes, the tool bar and the tabs show whole. */
    private static final double LEAST_WIDTH = 960;
    private static final double LEAST_HEIGHT = 640;
    private BackgroundWork background;
    private ServingViewModel serving;

    @Override
    public void start(Stage stage) {
        Path corpora = ShippedBooks.folder();
        String modelsProperty = System.getProperty("scribe.models");
        Path models = modelsProperty != null ? Path.of(modelsProperty) : DataFolders.ofUser().models();
        background = new BackgroundWork();
        Messages messages = new Messages();
        Session session = new Session(corpora, models, background, messages);
        Path library = DataFolders.ofUser().books();
        CorpusViewModel corpus = new CorpusViewModel(session, library);
        TrainingViewModel training = new TrainingViewModel(session);
        VerbatimIndex.Cache books = new VerbatimIndex.Cache();
        GenerationViewModel generation = new GenerationViewModel(session, books);
        ModelFilesViewModel modelFiles = new ModelFilesViewModel(session, training, new ReplaceDialog(stage),
                ShippedModels.folder());
        TemperatureGridViewModel grid = new TemperatureGridViewModel(session, generation);
        CellsViewModel cells = new CellsViewModel(session);
        ScoreViewModel score = new ScoreViewModel(session);
        WriteViewModel write = new WriteViewModel(session, training, books);
        Exports exports = new Exports(session);
        CleaningViewModel cleaning = new CleaningViewModel(session, corpus);
        LibraryWindow libraryWindow = new LibraryWindow(
                new LibraryViewModel(session, corpus, library, new Fetcher(Fetcher.DEFAULT_TIMEOUT)));
        Map<Class<?>, Supplier<Object>> controllers = Map.ofEntries(
                controller(MainController.class, () -> new MainController(
                        () -> new NewModelGuard(training, modelFiles).newModel(stage))),
                controller(BooksController.class, () -> new BooksController(corpus, libraryWindow::show)),
                controller(TrainingController.class, () -> new TrainingController(training,
                        new SizeAdviceViewModel(session, training))),
                controller(ModelsController.class, () -> new ModelsController(modelFiles)),
                controller(GenerateController.class, () -> new GenerateController(generation, exports)),
                controller(TemperatureGridController.class, () -> new TemperatureGridController(grid, exports)),
                controller(TimelineController.class, () -> new TimelineController(training, exports)),
                controller(CellsController.class, () -> new CellsController(cells, generation, exports)),
                controller(ScoreController.class, () -> new ScoreController(score, exports)),
                controller(CleaningController.class, () -> new CleaningController(cleaning)),
                controller(WriteController.class, () -> new WriteController(write, exports)));

        FXMLLoader loader = new FXMLLoader(ScribeApp.class.getResource("/app/scribe/ui/main.fxml"));
        loader.setControllerFactory(type -> controllers.get(type).get());
        Parent view;
        try {
            view = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        MainController main = loader.getController();
        UserPreferences preferences = UserPreferences.ofUser();
        ObservableList<Path> recentModels = FXCollections.observableArrayList(preferences.recentModels());
        modelFiles.lastFileProperty().addListener((obs, old, now) -> {
            if (now != null) {
                recentModels.setAll(UserPreferences.withRecent(recentModels, now.file()));
            }
        });
        MessageBar messageBar = new MessageBar(messages);
        messageBar.setId("notifications");
        BorderPane window = new BorderPane(view);
        serving = new ServingViewModel(session, modelFiles);
        window.setTop(new MainMenu(main, modelFiles, training, generation, session, exports, recentModels,
                () -> quit(stage), serving).bar());
        window.setBottom(messageBar.strip());
        // The bar lies over the strip kept for it at the window's foot: a message never moves a control, and one
        // longer than the strip grows upwards over the panes until it goes.
        StackPane layers = new StackPane(window, messageBar);
        StackPane.setAlignment(messageBar, Pos.BOTTOM_CENTER);
        Thread.currentThread().setUncaughtExceptionHandler((thread, failure) -> messages.failure(failure));

        Scene scene = new Scene(layers);
        scene.getStylesheets().add(ScribeApp.class.getResource("/app/scribe/ui/scribe.css").toExternalForm());
        Theme.ofUser().applyStored(scene);
        scene.setOnDragOver(ScribeApp::acceptFiles);
        scene.setOnDragDropped(event -> {
            if (event.getDragboard().hasFiles() && !event.getDragboard().getFiles().isEmpty()) {
                main.pickBooks(List.of(event.getDragboard().getFiles().get(0).toPath()));
                event.setDropCompleted(true);
            }
            event.consume();
        });
        stage.titleProperty().bind(WindowTitle.of(session, modelFiles, training));
        try (InputStream icon = ScribeApp.class.getResourceAsStream("/app/scribe/icons/scribe.png")) {
            if (icon != null) {
                stage.getIcons().add(new Image(icon));
            }
        } catch (IOException ignored) {
            // A missing icon is cosmetic.
        }
        stage.setScene(scene);
        fitToScreen(stage, view);
        restore(preferences, stage, main, modelFiles);
        Runnable remember = () -> {
            ModelFilesViewModel.SavedFile lastFile = modelFiles.lastFileProperty().get();
            boolean modelInUse = session.modelProperty().get() != null && lastFile != null;
            preferences.save(corpus.books(), modelInUse ? lastFile.file() : null, recentModels,
                    new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight()),
                    main.dividers().chosen(), main.units());
        };
        stage.setOnCloseRequest(event -> new CloseGuard(training, modelFiles).confirm(event, remember));
        stage.show();
        main.focusStudio();
        StartupProbe.armIfAsked(scene);
    }

    /**
     * Brings back the last session's window bounds (only where they lie on a screen now), dividers, units, books
     * and model; whatever has gone is skipped without a word.
     */
    private static void restore(UserPreferences preferences, Stage stage, MainController main,
                                ModelFilesViewModel modelFiles) {
        preferences.window().ifPresent(bounds -> {
            if (!Screen.getScreensForRectangle(bounds).isEmpty()) {
                stage.setX(bounds.getMinX());
                stage.setY(bounds.getMinY());
                stage.setWidth(bounds.getWidth());
                stage.setHeight(bounds.getHeight());
            }
        });
        main.dividers().choose(preferences.dividers());
        preferences.units().ifPresent(main::chooseUnits);
        List<Path> books = preferences.lastBooks();
        if (!books.isEmpty()) {
            main.pickBooks(books);
        }
        if (preferences.window().isEmpty()) {
            openStarter(main, modelFiles);
        } else {
            preferences.lastModel().ifPresent(modelFiles::load);
        }
    }

    /**
     * A first start (no preferences yet) opens the first starter model and its book, so that Generate, Write, Inside
     * and Score work before any training.
     */
    private static void openStarter(MainController main, ModelFilesViewModel modelFiles) {
        modelFiles.list().starterModels().stream().findFirst().ifPresent(starter -> {
            modelFiles.load(starter);
            main.showGenerate(); // a newcomer can write at once: Generate, Write, Inside and Score have a model
            Path book = ShippedBooks.folder().resolve(modelFiles.list().bookOf(starter));
            if (Files.isRegularFile(book)) {
                main.pickBooks(List.of(book));
            }
        });
    }

    private static Map.Entry<Class<?>, Supplier<Object>> controller(Class<?> type, Supplier<Object> make) {
        return Map.entry(type, make);
    }

    /** Quit: the window closes as by its close button, so the same question guards unsaved training. */
    private static void quit(Stage stage) {
        WindowEvent request = new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST);
        stage.getOnCloseRequest().handle(request);
        if (!request.isConsumed()) {
            stage.close();
        }
    }

    /**
     * The window's preferred size, but never larger than the screen it opens on, and centred there; it may not be
     * made smaller than the least size at which nothing is cut (nor than the screen, where that is smaller).
     */
    private static void fitToScreen(Stage stage, Parent view) {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        stage.setMinWidth(Math.min(LEAST_WIDTH, screen.getWidth()));
        stage.setMinHeight(Math.min(LEAST_HEIGHT, screen.getHeight()));
        stage.setWidth(Math.min(view.prefWidth(-1), screen.getWidth()));
        stage.setHeight(Math.min(view.prefHeight(-1), screen.getHeight()));
        stage.centerOnScreen();
    }

    private static void acceptFiles(DragEvent event) {
        if (event.getDragboard().hasFiles()) {
            event.acceptTransferModes(TransferMode.COPY);
        }
        event.consume();
    }

    @Override
    public void stop() {
        if (serving != null) {
            serving.stop();
        }
        if (background != null) {
            background.shutdown();
        }
    }
}
