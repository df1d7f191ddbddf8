package app.scribe.analysis;

import app.scribe.model.CellType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How a model read a text, position by position (one position per code point). Immutable: the constructor and the
 * array accessors copy; the per-position accessors are the cheap way in.
 *
 * @param codePoints           the text
 * @param indices              each character's vocabulary index, or -1 where the vocabulary lacks it (unknown)
 * @param probabilities        the model's probability of each character given the text before it; NaN if unknown
 * @param alternativeIndices   per position the likeliest next characters (vocabulary indices), most likely first:
 *                             {@code [position * alternativesPerPosition + k]}; may be empty
 * @param alternativeProbabilities their probabilities, in the same layout
 * @param layers               the model's LSTM layers
 * @param hiddenSize           units per layer
 * @param cellStates           null, or per position the cell states of all layers after reading that character
 *                             (the memory cells c of an LSTM, the outputs h of a GRU or RNN), layer-major
 *                             ({@code [position][layer * hiddenSize + unit]}); an unknown character leaves them as
 *                             they were
 * @param cellType             the model's cell, which says what the states are
 */
public record TextTrace(int[] codePoints, int[] indices, float[] probabilities, int[] alternativeIndices,
                        float[] alternativeProbabilities, int layers, int hiddenSize, float[][] cellStates,
                        CellType cellType) {

    /** A trace of an LSTM. */
    public TextTrace(int[] codePoints, int[] indices, float[] probabilities, int[] alternativeIndices,
                     float[] alternativeProbabilities, int layers, int hiddenSize, float[][] cellStates) {
        this(codePoints, indices, probabilities, alternativeIndices, alternativeProbabilities, layers, hiddenSize,
                cellStates, CellType.LSTM);
    }

    /** A likely next character at some position: its vocabulary index and probability. */
    public record Alternative(int index, float probability) {
    }

    public TextTrace {
        int n = codePoints.length;
        if (indices.length != n || probabilities.length != n) {
            throw new IllegalArgumentException("indices and probabilities need one value per character (" + n + ")");
        }
        if (alternativeIndices.length != alternativeProbabilities.length
                || (n == 0 ? alternativeIndices.length != 0 : alternativeIndices.length % n != 0)) {
            throw new IllegalArgumentException("alternatives need the same number of values at every position");
        }
        if (layers < 1 || hiddenSize < 1) {
            throw new IllegalArgumentException("layers and hidden size must be positive");
        }
        if (cellStates != null) {
            if (cellStates.length != n) {
                throw new IllegalArgumentException("cell states need one row per character (" + n + ")");
            }
            float[][] rows = new float[n][];
            for (int i = 0; i < n; i++) {
                if (cellStates[i].length != layers * hiddenSize) {
                    throw new IllegalArgumentException("cell state row " + i + " has " + cellStates[i].length
                            + " values; layers x hidden size is " + layers * hiddenSize);
                }
                rows[i] = cellStates[i].clone();
            }
            cellStates = rows;
        }
        codePoints = codePoints.clone();
        indices = indices.clone();
        probabilities = probabilities.clone();
        alternativeIndices = alternativeIndices.clone();
        alternativeProbabilities = alternativeProbabilities.clone();
    }

    public int length() {
        return codePoints.length;
    }

    public String text() {
        return new String(codePoints, 0, codePoints.length);
    }

    public int codePoint(int position) {
        return codePoints[position];
    }

    public boolean known(int position) {
        return indices[position] >= 0;
    }

    /** The probability the model gave this character before reading it; NaN where the character is unknown. */
    public float probability(int position) {
        return probabilities[position];
    }

    /** How surprised the model was by this character: -log2 p, in bits; NaN where the character is unknown. */
    public double surprise(int position) {
        return -Math.log(probabilities[position]) / Math.log(2);
    }

    /** The characters the model found likeliest at this position (before reading it), most likely first. */
    public List<Alternative> alternatives(int position) {
        int k = alternativesPerPosition();
        List<Alternative> out = new ArrayList<>(k);
        for (int j = position * k; j < (position + 1) * k; j++) {
            out.add(new Alternative(alternativeIndices[j], alternativeProbabilities[j]));
        }
        return out;
    }

    public int alternativesPerPosition() {
        return codePoints.length == 0 ? 0 : alternativeIndices.length / codePoints.length;
    }

    public boolean hasCellStates() {
        return cellStates != null;
    }

    /** The memory cell {@code unit} of {@code layer} after reading the character at {@code position}. */
    public float cell(int position, int layer, int unit) {
        if (cellStates == null) {
            throw new IllegalStateException("this trace was made without cell states");
        }
        return cellStates[position][layer * hiddenSize + unit];
    }

    /** Totals over the characters the model knows (unknown ones are counted apart). */
    public TextScore score() {
        int unknown = 0;
        double logProbability = 0;
        for (int i = 0; i < codePoints.length; i++) {
            if (indices[i] < 0) {
                unknown++;
            } else {
                logProbability += Math.log(probabilities[i]);
            }
        }
        return new TextScore(codePoints.length - unknown, unknown, logProbability);
    }

    @Override
    public int[] codePoints() {
        return codePoints.clone();
    }

    @Override
    public int[] indices() {
        return indices.clone();
    }

    @Override
    public float[] probabilities() {
        return probabilities.clone();
    }

    @Override
    public int[] alternativeIndices() {
        return alternativeIndices.clone();
    }

    @Override
    public float[] alternativeProbabilities() {
        return alternativeProbabilities.clone();
    }

    @Override
    public float[][] cellStates() {
        return cellStates == null ? null : Arrays.stream(cellStates).map(float[]::clone).toArray(float[][]::new);
    }
}
