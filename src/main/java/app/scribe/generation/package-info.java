/**
 * Writing with a model: {@link app.scribe.generation.Generator} (temperature, top-k, top-p, repetition penalty),
 * {@link app.scribe.generation.BeamSearch}, {@link app.scribe.generation.RecordSampler} (whole records of a records
 * model), their {@link app.scribe.generation.SamplingSettings} and the
 * {@link app.scribe.generation.StopRule}s; the {@link app.scribe.generation.CopyLimit} (copy at most N characters
 * verbatim from a book, which answers through an interface) and {@link app.scribe.generation.Samples} (many texts,
 * ranked). It may import {@code corpus} and {@code model}; the CLI, the server and the
 * app's Generate tab use it.
 */
package app.scribe.generation;
