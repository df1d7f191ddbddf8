package app.scribe.lab;

import app.scribe.Printable;
import app.scribe.ScribeException;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

import java.util.ArrayList;
import java.util.List;

/** A real square matrix as the powers page sees it: parsed from text, raised to a power, its eigenvalues. */
public final class SquareMatrix {
    /** The matrix of seed 004's exercise 2(c). */
    public static final String SEED_EXAMPLE = "0.58 0.24; 0.24 0.72";
    private static final int MAX_SIZE = 512;

    private final double[][] values;

    public SquareMatrix(double[][] values) {
        int n = values.length;
        if (n == 0) {
            throw new ScribeException("The matrix is empty; enter rows of numbers separated by ';'.");
        }
        if (n > MAX_SIZE) {
            throw new ScribeException("The matrix has " + n + " rows; at most " + MAX_SIZE + " are allowed.");
        }
        for (int i = 0; i < n; i++) {
            if (values[i].length != n) {
                throw new ScribeException("The matrix is not square: it has " + n + " rows but row " + (i + 1)
                        + " has " + values[i].length + " values.");
            }
            for (double v : values[i]) {
                if (!Double.isFinite(v)) {
                    throw new ScribeException("The matrix holds a value that is not a finite number (" + v + ").");
                }
            }
        }
        this.values = copy(values);
    }

    /** Rows separated by {@code ;} or line breaks, values by spaces or commas: {@code "0.58 0.24; 0.24 0.72"}. */
    public static SquareMatrix parse(String text) {
        if (text == null || text.isBlank()) {
            throw new ScribeException("The matrix is empty; enter rows of numbers separated by ';'.");
        }
        List<double[]> rows = new ArrayList<>();
        for (String line : text.strip().split("\\s*(;|\\R)\\s*")) {
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.strip().split("[\\s,]+");
            double[] row = new double[cells.length];
            for (int j = 0; j < cells.length; j++) {
                try {
                    row[j] = Double.parseDouble(cells[j]);
                } catch (NumberFormatException e) {
                    throw new ScribeException("The matrix holds '" + Printable.escape(cells[j])
                            + "', which is not a number.");
                }
                if (!Double.isFinite(row[j])) {
                    throw new ScribeException("The matrix holds '" + Printable.escape(cells[j])
                            + "', which is not a finite number.");
                }
            }
            rows.add(row);
        }
        return new SquareMatrix(rows.toArray(new double[0][]));
    }

    public int size() {
        return values.length;
    }

    public double get(int i, int j) {
        return values[i][j];
    }

    public double[][] values() {
        return copy(values);
    }

    public SquareMatrix times(SquareMatrix other) {
        int n = size();
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                double a = values[i][k];
                for (int j = 0; j < n; j++) {
                    out[i][j] += a * other.values[k][j];
                }
            }
        }
        return new SquareMatrix(out);
    }

    public static SquareMatrix identity(int n) {
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            out[i][i] = 1;
        }
        return new SquareMatrix(out);
    }

    /** {@code W^k} by repeated squaring; k = 0 gives the identity. */
    public SquareMatrix power(int k) {
        if (k < 0) {
            throw new ScribeException("The power must be 0 or more (got " + k + ").");
        }
        SquareMatrix result = identity(size());
        SquareMatrix base = this;
        for (int e = k; e > 0; e >>= 1) {
            if ((e & 1) == 1) {
                result = result.times(base);
            }
            if (e > 1) {
                base = base.times(base);
            }
        }
        return result;
    }

    /** The eigenvalues, largest modulus first (complex ones in conjugate pairs). */
    public List<Eigenvalue> eigenvalues() {
        EigenDecomposition eigen;
        try {
            eigen = new EigenDecomposition(real());
        } catch (RuntimeException e) {
            // Commons Math gives up (no convergence) on entries near the largest doubles.
            throw new ScribeException("The eigenvalues of this matrix cannot be computed (" + e.getMessage()
                    + "); its entries are too large or too far apart, so scale it down.");
        }
        double[] re = eigen.getRealEigenvalues();
        double[] im = eigen.getImagEigenvalues();
        List<Eigenvalue> out = new ArrayList<>();
        for (int i = 0; i < re.length; i++) {
            out.add(new Eigenvalue(re[i], im[i]));
        }
        out.sort((a, b) -> Double.compare(b.modulus(), a.modulus()));
        return out;
    }

    /** The largest modulus of an eigenvalue. */
    public double spectralRadius() {
        return eigenvalues().get(0).modulus();
    }

    /** The spectral norm (largest singular value). */
    public double norm() {
        return new SingularValueDecomposition(real()).getNorm();
    }

    private RealMatrix real() {
        return new Array2DRowRealMatrix(values, false);
    }

    private static double[][] copy(double[][] values) {
        double[][] out = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i].clone();
        }
        return out;
    }

    public record Eigenvalue(double real, double imaginary) {
        public double modulus() {
            return Math.hypot(real, imaginary);
        }
    }
}
