package app.scribe.generation;

import app.scribe.ScribeException;
import app.scribe.corpus.Vocabulary;
import app.scribe.model.CharModel;
import app.scribe.model.Engines;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Whole records: every draw counted, malformed ones drawn again, new-only bounded. */
class RecordSamplerTest {
    /** Two letters and the record mark. */
    private static final Vocabulary VOCAB = Vocabulary.of("\u001Eab");

    private static CharModel untrained() {
        return Engines.create(Engines.DEFAULT, VOCAB.size(), GeneratorTest.small(5));
    }

    @Test
    void everyDrawIsAccountedForAndOnlyWellFormedRecordsAreWritten() {
        // An untrained model ends a record about one time in three: many draws are empty or run past 3 letters.
        RecordSampler sampler = new RecordSampler(untrained(), VOCAB, 3);
        List<RecordSampler.Item> seen = new ArrayList<>();
        RecordSampler.Written written = sampler.write(30, false, Set.of("a", "ab"), SamplingSettings.plain(), 9,
                seen::add, () -> false);
        assertEquals(30, written.items().size());
        assertEquals(written.items(), seen, "each record handed on as it comes");
        assertTrue(written.empty() > 0 && written.runaways() > 0, written::toString);
        assertEquals(written.drawn(), 30 + written.empty() + written.runaways());
        for (RecordSampler.Item item : written.items()) {
            assertTrue(!item.text().isEmpty() && item.text().length() <= 3, item::toString);
            assertEquals(Set.of("a", "ab").contains(item.text()), item.copied(), item::toString);
        }
        assertEquals(30, written.fresh() + written.copied());
        assertEquals(30.0 / written.drawn(), written.wellFormedShare(), 1e-9);
    }

    @Test
    void newOnlyStopsAtItsDrawLimitWhenThereAreNotEnoughNewRecords() {
        // Records of one letter: only "a" and "b" exist, and "a" is in the text, so one new record at most.
        RecordSampler sampler = new RecordSampler(untrained(), VOCAB, 1);
        RecordSampler.Written written = sampler.write(4, true, Set.of("a"), SamplingSettings.plain(), 3,
                item -> { }, () -> false);
        assertTrue(written.exhausted());
        assertEquals(4 * RecordSampler.MAX_DRAWS_PER_RECORD, written.drawn());
        assertEquals(List.of("b"), written.items().stream().map(RecordSampler.Item::text).toList());
        assertFalse(written.items().get(0).copied());
        assertEquals(new HashSet<>(List.of("b")).size(), written.fresh());
    }

    @Test
    void aModelWithoutTheMarkIsRefused() {
        Vocabulary plain = Vocabulary.of("ab ");
        CharModel model = Engines.create(Engines.DEFAULT, plain.size(), GeneratorTest.small(1));
        ScribeException e = assertThrows(ScribeException.class, () -> new RecordSampler(model, plain, 5));
        assertTrue(e.getMessage().contains("not trained on records"), e.getMessage());
    }
}
