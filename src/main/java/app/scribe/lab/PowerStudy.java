package app.scribe.lab;

import app.scribe.ScribeException;

import java.util.List;
import java.util.Locale;

/**
 * Page 4, powers of W: a matrix's eigenvalues, {@code W^k}, and the spectral norm of {@code W^j} for j = 0..k,
 * with the lesson the spectral radius teaches about gradients carried back through k steps.
 */
public record PowerStudy(SquareMatrix matrix, int power, List<SquareMatrix.Eigenvalue> eigenvalues,
                         SquareMatrix powered, double spectralRadius, double[] norms) {
    public static final int DEFAULT_POWER = 30;
    public static final int MAX_POWER = 10_000;

    public static PowerStudy of(SquareMatrix matrix, int power) {
        if (power < 0 || power > MAX_POWER) {
            throw new ScribeException("The power must be between 0 and " + MAX_POWER + " (got " + power + ").");
        }
        List<SquareMatrix.Eigenvalue> eigen = matrix.eigenvalues();
        double[] norms = new double[power + 1];
        SquareMatrix p = SquareMatrix.identity(matrix.size());
        for (int j = 0; j <= power; j++) {
            norms[j] = p.norm();
            if (j < power) {
                p = p.times(matrix);
            }
        }
        return new PowerStudy(matrix, power, eigen, matrix.power(power), eigen.get(0).modulus(), norms);
    }

    /** What the spectral radius says about gradients multiplied by W once per step back in time. */
    public String lesson() {
        String r = String.format(Locale.ROOT, "%.4g", spectralRadius);
        if (spectralRadius < 1 - 1e-9) {
            return "Every |λ| < 1 (spectral radius " + r + "): W^k shrinks like " + r
                    + "^k, so gradients carried back k steps vanish.";
        }
        if (spectralRadius > 1 + 1e-9) {
            return "Some |λ| > 1 (spectral radius " + r + "): W^k grows like " + r
                    + "^k, so gradients carried back k steps explode.";
        }
        return "The largest |λ| is 1: W^k neither vanishes nor explodes along that eigenvector.";
    }
}
