package app.scribe.ui.generate;

import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Shows a {@link TextList} in a list view: each row a star to set or clear, the text (wrapped, its first lines) and
 * under it its score and novelty ({@link ListedText#scores()}).
 */
final class TextListView {
    /** Rows show at most this many characters of a text (about three lines); the export has all of it. */
    private static final int SHOWN_CHARACTERS = 360;
    private static final double STAR_WIDTH = 40;

    private TextListView() {
    }

    static void attach(ListView<TextList.Entry> view, TextList list) {
        view.setItems(list.entries());
        view.setCellFactory(v -> new EntryCell(v));
    }

    private static final class EntryCell extends ListCell<TextList.Entry> {
        private final ToggleButton star = new ToggleButton("☆");
        private final Label text = new Label();
        private final Label scores = new Label();
        private final HBox row;
        private TextList.Entry shown;

        EntryCell(ListView<TextList.Entry> view) {
            star.getStyleClass().add("star-toggle");
            star.setMinWidth(STAR_WIDTH);
            star.setTooltip(new Tooltip("Star the texts to keep; Export starred… saves them to one file."));
            star.selectedProperty().addListener((obs, old, now) -> {
                star.setText(now ? "★" : "☆");
                if (shown != null) {
                    shown.starredProperty().set(now);
                }
            });
            text.setWrapText(true);
            text.setMinHeight(Region.USE_PREF_SIZE);
            text.getStyleClass().add("listed-text");
            scores.getStyleClass().add("hint");
            VBox lines = new VBox(2, text, scores);
            HBox.setHgrow(lines, Priority.ALWAYS);
            row = new HBox(8, star, lines);
            // Wrap the text to the list's width, less the star, the gaps and a scroll bar.
            lines.prefWidthProperty().bind(view.widthProperty().subtract(STAR_WIDTH + 48));
            lines.maxWidthProperty().bind(lines.prefWidthProperty());
            text.prefWidthProperty().bind(lines.prefWidthProperty());
            text.maxWidthProperty().bind(lines.prefWidthProperty());
        }

        @Override
        protected void updateItem(TextList.Entry entry, boolean empty) {
            super.updateItem(entry, empty);
            shown = null;
            if (empty || entry == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            // Line breaks shown as ⏎, so that a row stays a few lines high and a text that starts one shows.
            String all = entry.text().text().replace("\n", "⏎ ");
            text.setText(all.length() > SHOWN_CHARACTERS ? all.substring(0, SHOWN_CHARACTERS) + " …" : all);
            scores.setText(entry.text().scores());
            star.setSelected(entry.starredProperty().get());
            shown = entry;
            setText(null);
            setGraphic(row);
        }
    }
}
