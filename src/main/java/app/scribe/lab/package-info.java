/**
 * The seed reports' experiments without JavaFX (palindromes, gradient flow, the time gate, powers of W, optimisers, cells on text), their tables and pictures, shared by the lab command and the Lab window (ui.lab). Imports corpus, model, persistence and training.
 */
package app.scribe.lab;
