package app.scribe.lab;

import app.scribe.ScribeException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SquareMatrixTest {
    private static final SquareMatrix SEED = SquareMatrix.parse(SquareMatrix.SEED_EXAMPLE);

    @Test
    void powerEqualsRepeatedMultiplication() {
        SquareMatrix w = SquareMatrix.parse("0.3 -1.2 0.5; 0.9 0.1 -0.4; 0.2 0.7 1.1");
        SquareMatrix repeated = SquareMatrix.identity(3);
        for (int k = 0; k <= 13; k++) {
            SquareMatrix fast = w.power(k);
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    assertEquals(repeated.get(i, j), fast.get(i, j), 1e-9 * Math.max(1, Math.abs(repeated.get(i, j))));
                }
            }
            repeated = repeated.times(w);
        }
    }

    /** Seed 004: W = Q diag(0.4, 0.9) Q^T with eigenvectors (0.8, -0.6) and (0.6, 0.8), worked out by hand. */
    @Test
    void powerEqualsTheEigenDecompositionOfTheSeedMatrix() {
        double[][] q = {{0.8, 0.6}, {-0.6, 0.8}};
        double[] lambda = {0.4, 0.9};
        SquareMatrix w30 = SEED.power(30);
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                double expected = 0;
                for (int k = 0; k < 2; k++) {
                    expected += q[i][k] * Math.pow(lambda[k], 30) * q[j][k];
                }
                assertEquals(expected, w30.get(i, j), 1e-12);
            }
        }
        assertEquals(0.0152608, w30.get(0, 0), 1e-7);
        assertEquals(0.0203478, w30.get(0, 1), 1e-7, "positive: a matrix of positive numbers has positive powers");
        List<SquareMatrix.Eigenvalue> eigen = SEED.eigenvalues();
        assertEquals(0.9, eigen.get(0).real(), 1e-12);
        assertEquals(0.4, eigen.get(1).real(), 1e-12);
        assertEquals(0.9, SEED.spectralRadius(), 1e-12);
    }

    @Test
    void rotationsHaveComplexEigenvaluesOfModulusOne() {
        SquareMatrix rotation = SquareMatrix.parse("0 -1\n1 0");
        List<SquareMatrix.Eigenvalue> eigen = rotation.eigenvalues();
        assertEquals(1, eigen.get(0).imaginary() * eigen.get(1).imaginary() * -1, 1e-12);
        assertEquals(1, rotation.spectralRadius(), 1e-12);
        assertEquals(1, rotation.power(1001).norm(), 1e-9);
    }

    @Test
    void normCurveShrinksBelowOneAndGrowsAboveOne() {
        PowerStudy shrinking = PowerStudy.of(SEED, 30);
        assertEquals(31, shrinking.norms().length);
        assertEquals(1, shrinking.norms()[0], 1e-12);
        assertEquals(Math.pow(0.9, 30), shrinking.norms()[30], 1e-12);
        assertTrue(shrinking.lesson().contains("vanish"));
        PowerStudy growing = PowerStudy.of(SquareMatrix.parse("1.1 0; 0 0.5"), 10);
        assertEquals(Math.pow(1.1, 10), growing.norms()[10], 1e-9);
        assertTrue(growing.lesson().contains("explode"));
    }

    @Test
    void badMatricesAndPowersAreRefusedWithASentence() {
        assertTrue(assertThrows(ScribeException.class, () -> SquareMatrix.parse(" ")).getMessage().contains("empty"));
        assertTrue(assertThrows(ScribeException.class, () -> SquareMatrix.parse("1 2; 3 4; 5 6")).getMessage()
                .contains("not square"));
        assertTrue(assertThrows(ScribeException.class, () -> SquareMatrix.parse("1 x; 3 4")).getMessage()
                .contains("'x', which is not a number"));
        assertTrue(assertThrows(ScribeException.class, () -> PowerStudy.of(SEED, -1)).getMessage()
                .contains("between 0 and"));
    }
}
