package app.scribe.ui.common;

import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/** A text cell of the studio's grids. A text flow, not a label: it also breaks words longer than the column. */
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
}
