package app.scribe.ui.library;

import app.scribe.library.CatalogEntry;
import app.scribe.ui.common.JobControls;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.scene.text.TextBoundsType;

import java.util.function.Function;

/** Wires the library window (library.fxml) to its view-model. */
public final class LibraryController {
    /** The Language column's width. */
    private static final double LANGUAGE_WIDTH = 110;

    private final LibraryViewModel library;

    @FXML private TextField queryField;
    @FXML private TextField languageField;
    @FXML private TextField mirrorField;
    @FXML private TableView<CatalogEntry> resultsTable;
    @FXML private Button searchButton;
    @FXML private Button downloadButton;
    @FXML private Button cancelButton;
    @FXML private Button refreshCatalogButton;
    @FXML private ProgressBar downloadProgress;
    @FXML private Label libraryStatus;

    public LibraryController(LibraryViewModel library) {
        this.library = library;
    }

    @FXML
    private void initialize() {
        queryField.textProperty().bindBidirectional(library.queryProperty());
        languageField.textProperty().bindBidirectional(library.languageProperty());
        mirrorField.textProperty().bindBidirectional(library.mirrorProperty());
        mirrorField.focusedProperty().addListener((obs, was, now) -> {
            if (!now) {
                library.applyMirror();
            }
        });
        // Wide enough for its bold header with the room a sort arrow takes: the constrained policy gives the rest of
        // the width to the title and the author, and never squeezes this one below its minimum.
        TableColumn<CatalogEntry, String> language = column("Language", CatalogEntry::language, LANGUAGE_WIDTH);
        language.setMinWidth(LANGUAGE_WIDTH);
        language.setMaxWidth(LANGUAGE_WIDTH + 20);
        resultsTable.getColumns().setAll(column("Title", CatalogEntry::title, 360),
                column("Author", CatalogEntry::authorOrUnknown, 240), language);
        resultsTable.setItems(library.results());
        resultsTable.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER) {
                download();
            }
        });
        var busy = library.busyProperty();
        // Before the buttons follow busy: the focus goes to Cancel while a download runs and back to the results
        // after it, never to the next field in line (the mirror's address, with its text selected).
        busy.addListener((obs, was, now) -> {
            if (!now && cancelButton.isFocused()) {
                resultsTable.requestFocus();
            } else if (now && (searchButton.isFocused() || downloadButton.isFocused()
                    || refreshCatalogButton.isFocused() || resultsTable.isFocused())) {
                Platform.runLater(cancelButton::requestFocus); // once Cancel is enabled
            }
        });
        downloadButton.disableProperty().bind(busy.or(resultsTable.getSelectionModel().selectedItemProperty().isNull()));
        JobControls.startAndStop(busy, cancelButton, searchButton, refreshCatalogButton);
        downloadProgress.visibleProperty().bind(library.progressShownProperty());
        downloadProgress.progressProperty().bind(library.progressProperty());
        libraryStatus.textProperty().bind(library.statusProperty());
        // Room for two lines at all times, so that a sentence that wraps does not move the buttons above it.
        libraryStatus.minHeightProperty().bind(Bindings.createDoubleBinding(() -> {
            Text twoLines = new Text("X\nX");
            twoLines.setFont(libraryStatus.getFont());
            twoLines.setBoundsType(TextBoundsType.LOGICAL_VERTICAL_CENTER); // as a label measures its text
            return Math.max(libraryStatus.prefHeight(libraryStatus.getWidth()),
                    Math.ceil(twoLines.getLayoutBounds().getHeight()));
        }, libraryStatus.fontProperty(), libraryStatus.textProperty(), libraryStatus.widthProperty()));
    }

    private static TableColumn<CatalogEntry, String> column(String title, Function<CatalogEntry, String> value,
                                                            double width) {
        TableColumn<CatalogEntry, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    @FXML private void search() { library.search(); }
    @FXML private void cancel() { library.cancel(); }
    @FXML private void refreshCatalog() { library.refreshCatalog(); }
    @FXML private void applyMirror() { library.applyMirror(); }

    @FXML
    private void download() {
        library.download(resultsTable.getSelectionModel().getSelectedItem());
    }
}
