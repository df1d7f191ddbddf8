/**
 * {@code scribe serve}: a trained model behind a small HTTP API that editors and scripts already speak, the OpenAI
 * completions subset that fits a character model ({@code POST /v1/completions}, streaming as server-sent events),
 * {@code POST /v1/score}, {@code GET /v1/models} and {@code GET /health}, on Jetty's core server.
 * <p>
 * {@link app.scribe.serve.ScribeServer} is the whole API: start it on a model file or a loaded model with
 * {@link app.scribe.serve.ServerOptions}, read its {@link app.scribe.serve.ScribeServer#address()}, and
 * {@link app.scribe.serve.ScribeServer#stop()} it. Every request steps its own state through one read-only copy of
 * the weights taken at start; the work runs on a bounded pool of workers behind a bounded queue.
 */
package app.scribe.serve;
