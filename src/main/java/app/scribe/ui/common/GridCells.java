package app.scribe.ui.common;

import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * The cells and columns of the studio's grids (the Timeline, the temperature grid). A text cell is a text flow, not a
 * label: it also breaks words longer than the column.
 */
public final class GridCells {
    private GridCells() {
    }

    public static TextFlow text(String content) {
        Text text = new Text(content);
        text.getStyleClass().add("grid-text");
        TextFlow cell = new TextFlow(text);
        cell.setMinWidth(0);
        return cell;
    }

    /** A column or row heading. */
    public static Label heading(String text) {
        Label heading = new Label(text);
        heading.getStyleClass().add("heading");
        return heading;
    }

    /** Adds a column {@code percent} of the grid's width wide, growing with it when {@code grows}. */
    public static void addColumn(GridPane grid, double percent, boolean grows) {
        ColumnConstraints column = new ColumnConstraints();
        column.setPercentWidth(percent);
        if (grows) {
            column.setHgrow(Priority.ALWAYS);
        }
        grid.getColumnConstraints().add(column);
    }
}
