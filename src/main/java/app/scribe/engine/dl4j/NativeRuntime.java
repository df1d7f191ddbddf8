package app.scribe.engine.dl4j;

import org.nd4j.linalg.factory.Nd4j;

/**
 * Chooses ND4J's thread settings before the first native call. The small matrices of a char-LSTM gain nothing from
 * OpenMP's thread team and lose a lot to its synchronisation: measured on 2 cores, DL4J's LSTM runs about 3x faster
 * with one OpenMP thread. Scribe sets this itself so that the user never has to export OMP_NUM_THREADS. Where the
 * app image ships ND4J's library packed, it is unpacked first ({@link Nd4jLibraryCache}).
 */
public final class NativeRuntime {
    private static volatile boolean configured;

    private NativeRuntime() {
    }

    public static synchronized void configure() {
        if (configured) {
            return;
        }
        Nd4jLibraryCache.unpackIfPacked();
        configured = true;
        if (System.getenv("OMP_NUM_THREADS") == null) {
            Nd4j.getEnvironment().setMaxMasterThreads(1);
            Nd4j.getEnvironment().setMaxThreads(1);
        }
    }
}
