package app.scribe.analysis;

import app.scribe.ScribeException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Points at memory cells worth looking at in a trace with cell states (as in Karpathy's "visualizing and
 * understanding recurrent networks"): those that vary most, and those that follow whether the text is inside
 * double quotes or how far into its line it is (by absolute Pearson correlation over the traced positions).
 */
public final class InterestingCells {
    public static final String VARIANCE = "varies most";
    public static final String QUOTES = "tracks being inside quotes";
    public static final String LINE_POSITION = "tracks the position in the line";

    /** A memory cell, why it was picked, and how strongly: the variance, or the absolute correlation. */
    public record Cell(int layer, int unit, String reason, double score) {
    }

    private InterestingCells() {
    }

    /**
     * Up to {@code perCriterion} cells for each criterion, best first within each, criteria in the order variance,
     * quotes, line position. A criterion whose feature never changes in the text (no quotes, say) yields none.
     */
    public static List<Cell> rank(TextTrace trace, int perCriterion) {
        if (!trace.hasCellStates()) {
            throw new ScribeException("Finding interesting cells needs a trace made with cell states.");
        }
        if (trace.length() < 2) {
            throw new ScribeException("Finding interesting cells needs a text of at least two characters.");
        }
        if (perCriterion < 1) {
            throw new IllegalArgumentException("perCriterion must be positive (got " + perCriterion + ")");
        }
        double[] quotes = insideQuotes(trace);
        double[] columns = lineColumns(trace);
        int cells = trace.layers() * trace.hiddenSize();
        double[] variance = new double[cells];
        double[] quoteCorrelation = new double[cells];
        double[] columnCorrelation = new double[cells];
        statistics(trace, quotes, columns, variance, quoteCorrelation, columnCorrelation);
        List<Cell> out = new ArrayList<>();
        best(trace, variance, VARIANCE, perCriterion, out);
        if (varies(quotes)) {
            best(trace, quoteCorrelation, QUOTES, perCriterion, out);
        }
        if (varies(columns)) {
            best(trace, columnCorrelation, LINE_POSITION, perCriterion, out);
        }
        return out;
    }

    /** Per cell: the variance over the positions, and the Pearson correlations with the two features. */
    private static void statistics(TextTrace trace, double[] quotes, double[] columns, double[] variance,
                                   double[] quoteCorrelation, double[] columnCorrelation) {
        int n = trace.length();
        int hidden = trace.hiddenSize();
        int cells = variance.length;
        double[] mean = new double[cells];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < cells; j++) {
                mean[j] += activation(trace, i, j, hidden);
            }
        }
        for (int j = 0; j < cells; j++) {
            mean[j] /= n;
        }
        double quoteMean = mean(quotes);
        double columnMean = mean(columns);
        double[] quoteCovariance = new double[cells];
        double[] columnCovariance = new double[cells];
        double quoteSquares = 0;
        double columnSquares = 0;
        for (int i = 0; i < n; i++) {
            double q = quotes[i] - quoteMean;
            double c = columns[i] - columnMean;
            quoteSquares += q * q;
            columnSquares += c * c;
            for (int j = 0; j < cells; j++) {
                double x = activation(trace, i, j, hidden) - mean[j];
                variance[j] += x * x;
                quoteCovariance[j] += x * q;
                columnCovariance[j] += x * c;
            }
        }
        for (int j = 0; j < cells; j++) {
            quoteCorrelation[j] = correlation(quoteCovariance[j], variance[j], quoteSquares);
            columnCorrelation[j] = correlation(columnCovariance[j], variance[j], columnSquares);
            variance[j] /= n;
        }
    }

    /**
     * A cell as the network uses it, in [-1, 1]: tanh of an LSTM's memory cell (ranking raw memory values would
     * favour cells that merely drift far from zero over a long text), a GRU's or RNN's output h as it is.
     */
    public static double activation(TextTrace trace, int position, int cell, int hidden) {
        float value = trace.cell(position, cell / hidden, cell % hidden);
        return trace.cellType().hasMemoryCell() ? Math.tanh(value) : value;
    }

    /** The absolute correlation from centred sums; 0 where either side never changes. */
    private static double correlation(double covariance, double squaresX, double squaresY) {
        return squaresX > 0 && squaresY > 0 ? Math.abs(covariance) / Math.sqrt(squaresX * squaresY) : 0;
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    private static boolean varies(double[] values) {
        for (double v : values) {
            if (v != values[0]) {
                return true;
            }
        }
        return false;
    }

    private static void best(TextTrace trace, double[] scores, String reason, int count, List<Cell> out) {
        int hidden = trace.hiddenSize();
        IntStream.range(0, scores.length).boxed()
                .sorted(Comparator.comparingDouble((Integer j) -> -scores[j]).thenComparingInt(j -> j))
                .limit(count)
                .forEach(j -> out.add(new Cell(j / hidden, j % hidden, reason, scores[j])));
    }

    /**
     * 1 where the text is inside double quotes after reading the character, else 0: “ opens, ” closes, and a
     * straight " toggles. A blank line ends any quote, because each paragraph of a long speech reopens the quote
     * without closing the one before; this keeps the straight-quote toggle in step.
     */
    static double[] insideQuotes(TextTrace trace) {
        double[] out = new double[trace.length()];
        boolean inside = false;
        int previous = -1;
        for (int i = 0; i < out.length; i++) {
            int c = trace.codePoint(i);
            if (c == '“') {
                inside = true;
            } else if (c == '”') {
                inside = false;
            } else if (c == '"') {
                inside = !inside;
            } else if (c == '\n' && previous == '\n') {
                inside = false;
            }
            out[i] = inside ? 1 : 0;
            previous = c;
        }
        return out;
    }

    /** Characters since the last newline, after reading each character (0 on the newline itself). */
    static double[] lineColumns(TextTrace trace) {
        double[] out = new double[trace.length()];
        int column = 0;
        for (int i = 0; i < out.length; i++) {
            column = trace.codePoint(i) == '\n' ? 0 : column + 1;
            out[i] = column;
        }
        return out;
    }
}
