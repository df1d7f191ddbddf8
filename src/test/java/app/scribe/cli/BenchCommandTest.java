package app.scribe.cli;

import app.scribe.TestCorpora;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static app.scribe.cli.ScribeCommandTest.Result;
import static app.scribe.cli.ScribeCommandTest.assertBadInput;
import static app.scribe.cli.ScribeCommandTest.scribe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** bench measures the BLAS limit before training and says what fraction of it training and generation reached. */
class BenchCommandTest {
    @TempDir
    Path dir;

    private static double value(String out, String key) {
        Matcher m = Pattern.compile("(?:^|\\s)" + key + "=([0-9.]+)", Pattern.MULTILINE).matcher(out);
        assertTrue(m.find(), key + " missing from: " + out);
        return Double.parseDouble(m.group(1));
    }

    private Path book(int length) throws IOException {
        return TestCorpora.shakespeare(dir, "shakespeare.txt", length);
    }

    @Test
    void printsTheLimitAndTheFractionOfItReached() throws IOException {
        Path corpus = book(20_000);
        Result r = scribe("bench", "--corpus", corpus.toString(), "--steps", "3", "--warmup", "1", "--hidden", "32",
                "--batch", "8", "--threads", "2");
        assertEquals(0, r.code(), r.err());
        double limit = value(r.out(), "limit_chars_per_sec");
        double train = value(r.out(), "train_chars_per_sec");
        double genLimit = value(r.out(), "gen_limit_chars_per_sec");
        double gen = value(r.out(), "gen_chars_per_sec");
        assertTrue(limit > 0 && genLimit > 0, r.out());
        assertTrue(r.out().indexOf("limit_chars_per_sec") < r.out().indexOf("train_chars_per_sec"),
                "the limit is measured before training: " + r.out());
        assertEquals(train / limit, value(r.out(), "fraction_of_limit"), 0.006 + 0.01 * train / limit);
        assertEquals(gen / genLimit, value(r.out(), "gen_fraction_of_limit"), 0.006 + 0.01 * gen / genLimit);
    }

    /** A worker's share of batch 4096 x seq 1000 at hidden 512 needs gemm operands of over 2^31 floats. */
    @Test
    void aConfigurationTooLargeToCalibrateIsRefusedWithASentence() throws IOException {
        Path corpus = book(200_000);
        assertBadInput(scribe("bench", "--corpus", corpus.toString(), "--steps", "1", "--warmup", "0", "--hidden",
                "512", "--batch", "4096", "--seq", "1000", "--threads", "2"), "not enough memory");
    }
}
