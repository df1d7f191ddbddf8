package app.scribe.engine.fast;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_nolapack;

/**
 * Row-major single-precision gemm on off-heap memory through OpenBLAS (the library ND4J itself links), without
 * copies: {@code C = op(A)·op(B) + beta·C}. Offsets are in floats. The pointer objects' positions are changed, so
 * each thread must pass its own pointer objects (see {@link OffHeap#view()}).
 */
final class Blas {
    private Blas() {
    }

    static void gemm(boolean transA, boolean transB, int m, int n, int k,
                     FloatPointer a, long aOff, int lda, FloatPointer b, long bOff, int ldb,
                     float beta, FloatPointer c, long cOff, int ldc) {
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0) {
            throw new IllegalArgumentException("gemm with k = 0");
        }
        a.position(aOff);
        b.position(bOff);
        c.position(cOff);
        openblas_nolapack.cblas_sgemm(openblas_nolapack.CblasRowMajor,
                transA ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans,
                transB ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans,
                m, n, k, 1f, a, lda, b, ldb, beta, c, ldc);
    }

    /** {@code y = x·W + beta·y} for a row vector x [rows] and row-major W [rows, cols] at an offset. */
    static void rowTimesMatrix(int rows, int cols, FloatPointer w, long wOff, FloatPointer x, long xOff, float beta,
                               FloatPointer y, long yOff) {
        w.position(wOff);
        x.position(xOff);
        y.position(yOff);
        openblas_nolapack.cblas_sgemv(openblas_nolapack.CblasRowMajor, openblas_nolapack.CblasTrans, rows, cols,
                1f, w, cols, x, 1, beta, y, 1);
    }
}
