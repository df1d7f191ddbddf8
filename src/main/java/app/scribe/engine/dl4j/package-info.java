/**
 * The DL4J engine: {@link app.scribe.engine.dl4j.Dl4jCharModel}, a char-LSTM on Deeplearning4j and ND4J, kept as the
 * reference the fast engine is checked against, and the native runtime's set-up (OpenMP and OpenBLAS threads and
 * kernels, and ND4J's library unpacked once where the app image ships it xz-compressed). It may import
 * {@code corpus} and {@code model}.
 */
package app.scribe.engine.dl4j;
