package app.scribe.ui.books;

import app.scribe.ui.common.FileDialogs;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/** The Books column: the list of books, opening and finding books, and what Scribe read from the chosen ones. */
public final class BooksController {
    /** Whole entries the list keeps room for, however little height the window has. */
    static final int MIN_VISIBLE_BOOKS = 4;
    /** Entries the list takes room for where the column has it. */
    private static final int PREFERRED_BOOKS = 6;

    /** The list's border, a cell's padding and room for a vertical scroll bar. */
    private static final double CELL_INSETS = 34;
    /** A book's entry when its title wraps to three lines. */
    private static final double ENTRY_HEIGHT = 60;

    private final CorpusViewModel corpus;
    private final Consumer<Window> findBooks;
    /** True while the list picks again the books in use after a refusal: nothing is to be read. */
    private boolean showingInUse;

    @FXML private ListView<Path> corpusList;
    @FXML private ProgressBar corpusProgress;
    @FXML private Label corpusSummary;
    @FXML private TextArea corpusPreview;
    @FXML private Button openButton;
    @FXML private javafx.scene.layout.VBox recordsBox;
    @FXML private ScrollPane bookDetails;
    @FXML private TitledPane cleaningPane;

    /** {@code findBooks} opens the library over the window it is given. */
    public BooksController(CorpusViewModel corpus, Consumer<Window> findBooks) {
        this.corpus = corpus;
        this.findBooks = findBooks;
    }

    @FXML
    private void initialize() {
        corpusList.setItems(corpus.available());
        corpusList.setCellFactory(list -> new BookCell());
        // Room for up to four entries of three lines each (titles wrap rather than scroll sideways), up to six when
        // there is room: a short list leaves the rest of the column to what Scribe read from the books.
        corpusList.minHeightProperty().bind(entriesHeight(MIN_VISIBLE_BOOKS));
        corpusList.prefHeightProperty().bind(entriesHeight(PREFERRED_BOOKS));
        corpusList.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        corpusList.getSelectionModel().getSelectedItems().addListener((ListChangeListener<Path>) change -> {
            List<Path> books = List.copyOf(corpusList.getSelectionModel().getSelectedItems());
            if (!books.isEmpty() && !showingInUse) {
                corpus.load(books);
            }
        });
        // Kept in the layout and only shown while reading, so that nothing below it moves.
        corpusProgress.visibleProperty().bind(corpus.loadingProperty());
        corpusProgress.setProgress(ProgressBar.INDETERMINATE_PROGRESS);
        corpusSummary.textProperty().bind(corpus.summaryProperty());
        corpusPreview.textProperty().bind(corpus.previewProperty());
        recordsBox.getChildren().setAll(new RecordsChoice(corpus));
        revealCleaningWhenOpened();
        // A model loaded picks the books it learnt from, where the list has them.
        corpus.setOnModelBooks(books -> {
            if (!corpusList.getSelectionModel().getSelectedItems().equals(books)) {
                pickBooks(books);
            }
        });
        corpus.setOnRefused(inUse -> {
            showingInUse = true;
            try {
                select(inUse);
            } finally {
                showingInUse = false;
            }
        });
    }

    /** The height of {@code most} entries, or of as many as the list has when it has fewer (one at least). */
    private DoubleBinding entriesHeight(int most) {
        return Bindings.createDoubleBinding(() -> Math.max(1, Math.min(most, corpusList.getItems().size()))
                * ENTRY_HEIGHT + 4, corpusList.getItems());
    }

    /** Opening Cleaning scrolls the details to it: its top at the top of the view, as much of it as fits below. */
    private void revealCleaningWhenOpened() {
        cleaningPane.expandedProperty().addListener((obs, was, open) -> {
            if (open) {
                Platform.runLater(() -> {
                    bookDetails.applyCss();
                    bookDetails.layout();
                    double content = bookDetails.getContent().getLayoutBounds().getHeight();
                    double view = bookDetails.getViewportBounds().getHeight();
                    double top = bookDetails.getContent().sceneToLocal(cleaningPane.localToScene(0, 0)).getY();
                    if (content > view) {
                        bookDetails.setVvalue(Math.max(0, Math.min(1, top / (content - view))));
                    }
                });
            }
        });
    }

    /**
     * A book's title, wrapped to the list's width (so the list never scrolls sideways and no title is cut), and in
     * full with its file in a tooltip.
     */
    private final class BookCell extends ListCell<Path> {
        private final Label title = new Label();

        BookCell() {
            title.setWrapText(true);
            title.setMinHeight(Region.USE_PREF_SIZE);
            title.prefWidthProperty().bind(corpusList.widthProperty().subtract(CELL_INSETS));
            title.maxWidthProperty().bind(title.prefWidthProperty());
            title.textFillProperty().bind(textFillProperty());
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(Path book, boolean empty) {
            super.updateItem(book, empty);
            String label = empty || book == null ? null : corpus.label(book);
            title.setText(label);
            setGraphic(label == null ? null : title);
            setTooltip(label == null ? null : new Tooltip(label + "\n" + book));
        }
    }

    @FXML
    public void openCorpus() {
        File file = FileDialogs.openText(window(), "Open a text file");
        if (file != null) {
            pickBooks(List.of(file.toPath()));
        }
    }

    @FXML
    private void findBooks() {
        findBooks.accept(window());
    }

    /**
     * Picks the books in the list, adding those opened from elsewhere (a file opened or dropped), so that the list
     * always shows what is read and the user can come back to it.
     */
    public void pickBooks(List<Path> books) {
        select(corpus.listed(books));
    }

    private void select(List<Path> listed) {
        corpusList.getSelectionModel().clearSelection();
        listed.forEach(book -> corpusList.getSelectionModel().select(book));
        if (!listed.isEmpty()) {
            corpusList.scrollTo(listed.get(0));
        }
    }

    private Window window() {
        return openButton.getScene().getWindow();
    }
}
