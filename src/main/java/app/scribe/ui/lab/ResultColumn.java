package app.scribe.ui.lab;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

import java.util.List;

/** A column of a Lab page's results table: wide enough for its whole header, in the header's bold type. */
final class ResultColumn {
    /** The table header's type size (the theme's, a little over the window's 13 px). */
    private static final double HEADER_FONT_SIZE = 14;
    /** The cells' type size: the window's 13 px, a little over for themes that enlarge it. */
    private static final double CELL_FONT_SIZE = 14;
    /** A cell's left and right padding and the column's border. */
    private static final double PADDING = 28;

    private ResultColumn() {
    }

    /** The column showing value {@code column} of each row under {@code header}, which is also its tooltip. */
    static TableColumn<List<String>, String> of(String header, int column) {
        TableColumn<List<String>, String> c = new TableColumn<>();
        c.setMinWidth(width(header, FontWeight.BOLD, HEADER_FONT_SIZE) + PADDING);
        Label title = new Label(header);
        title.setMinWidth(Region.USE_PREF_SIZE);
        title.setTooltip(new Tooltip(header));
        c.setGraphic(title);
        c.setCellValueFactory(r -> new ReadOnlyStringWrapper(r.getValue().get(column)));
        return c;
    }

    /** Widens {@code column} to show {@code value} whole: numbers in a results table must never be cut. */
    static void fit(TableColumn<?, ?> column, String value) {
        double needed = width(value, FontWeight.NORMAL, CELL_FONT_SIZE) + PADDING;
        if (needed > column.getMinWidth()) {
            column.setMinWidth(needed);
        }
        if (needed > column.getPrefWidth()) {
            column.setPrefWidth(needed);
        }
    }

    private static double width(String text, FontWeight weight, double size) {
        Text measured = new Text(text);
        measured.setFont(Font.font(Font.getDefault().getFamily(), weight, size));
        return measured.getLayoutBounds().getWidth();
    }
}
