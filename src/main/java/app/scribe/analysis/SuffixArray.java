package app.scribe.analysis;

import java.util.Arrays;

/**
 * Suffix array construction by induced sorting (SA-IS, Nong, Zhang and Chan 2009), linear in the text length; this
 * follows the AtCoder Library's formulation. Memory: a few int arrays of the text's length.
 */
final class SuffixArray {
    private SuffixArray() {
    }

    /** The start positions of the suffixes of {@code s} in lexicographic order; values of s lie in 0..upper. */
    static int[] build(int[] s, int upper) {
        int n = s.length;
        if (n == 0) {
            return new int[0];
        }
        if (n == 1) {
            return new int[]{0};
        }
        if (n == 2) {
            return s[0] < s[1] ? new int[]{0, 1} : new int[]{1, 0};
        }
        int[] sa = new int[n];
        boolean[] ls = new boolean[n];
        for (int i = n - 2; i >= 0; i--) {
            ls[i] = s[i] == s[i + 1] ? ls[i + 1] : s[i] < s[i + 1];
        }
        int[] sumL = new int[upper + 1];
        int[] sumS = new int[upper + 1];
        for (int i = 0; i < n; i++) {
            if (!ls[i]) {
                sumS[s[i]]++;
            } else {
                sumL[s[i] + 1]++;
            }
        }
        for (int i = 0; i <= upper; i++) {
            sumS[i] += sumL[i];
            if (i < upper) {
                sumL[i + 1] += sumS[i];
            }
        }
        int[] lmsMap = new int[n + 1];
        Arrays.fill(lmsMap, -1);
        int m = 0;
        for (int i = 1; i < n; i++) {
            if (!ls[i - 1] && ls[i]) {
                lmsMap[i] = m++;
            }
        }
        int[] lms = new int[m];
        for (int i = 1, j = 0; i < n; i++) {
            if (!ls[i - 1] && ls[i]) {
                lms[j++] = i;
            }
        }
        int[] buffer = new int[upper + 1];
        induce(s, sa, ls, lms, sumS, sumL, buffer);
        if (m > 0) {
            int[] sortedLms = new int[m];
            for (int i = 0, j = 0; i < n; i++) {
                if (lmsMap[sa[i]] != -1) {
                    sortedLms[j++] = sa[i];
                }
            }
            int[] reduced = new int[m];
            int reducedUpper = 0;
            reduced[lmsMap[sortedLms[0]]] = 0;
            for (int i = 1; i < m; i++) {
                int l = sortedLms[i - 1];
                int r = sortedLms[i];
                int endL = lmsMap[l] + 1 < m ? lms[lmsMap[l] + 1] : n;
                int endR = lmsMap[r] + 1 < m ? lms[lmsMap[r] + 1] : n;
                boolean same = true;
                if (endL - l != endR - r) {
                    same = false;
                } else {
                    while (l < endL && s[l] == s[r]) {
                        l++;
                        r++;
                    }
                    if (l == n || s[l] != s[r]) {
                        same = false;
                    }
                }
                if (!same) {
                    reducedUpper++;
                }
                reduced[lmsMap[sortedLms[i]]] = reducedUpper;
            }
            int[] reducedSa = build(reduced, reducedUpper);
            for (int i = 0; i < m; i++) {
                sortedLms[i] = lms[reducedSa[i]];
            }
            induce(s, sa, ls, sortedLms, sumS, sumL, buffer);
        }
        return sa;
    }

    private static void induce(int[] s, int[] sa, boolean[] ls, int[] lms, int[] sumS, int[] sumL, int[] buffer) {
        int n = s.length;
        Arrays.fill(sa, -1);
        System.arraycopy(sumS, 0, buffer, 0, buffer.length);
        for (int d : lms) {
            if (d != n) {
                sa[buffer[s[d]]++] = d;
            }
        }
        System.arraycopy(sumL, 0, buffer, 0, buffer.length);
        sa[buffer[s[n - 1]]++] = n - 1;
        for (int i = 0; i < n; i++) {
            int v = sa[i];
            if (v >= 1 && !ls[v - 1]) {
                sa[buffer[s[v - 1]]++] = v - 1;
            }
        }
        System.arraycopy(sumL, 0, buffer, 0, buffer.length);
        for (int i = n - 1; i >= 0; i--) {
            int v = sa[i];
            if (v >= 1 && ls[v - 1]) {
                sa[--buffer[s[v - 1] + 1]] = v - 1;
            }
        }
    }
}
