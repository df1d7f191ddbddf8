/**
 * Reading a text back through a trained model: each character's probability, alternatives and every cell's state (Tracer, TextTrace), bits per character (also with dynamic evaluation: DynamicEvaluation, AdaptingStepper, the model learning on a private copy as it reads), the cells worth looking at, and the novelty index (a suffix array over the books) that finds copied spans, and the same over the books in a model's own indices (VerbatimIndex) for the copy limit. Imports corpus and model only.
 */
package app.scribe.analysis;
