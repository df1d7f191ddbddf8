package app.scribe.ui.common;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class SpinnerInputTest {
    @Test
    void aNumberOutsideTheRangeOrNoNumberIsExplainedWithTheRange() {
        assertEquals("Steps must be a whole number from 1 to 100,000,000 (got '99999999999').",
                SpinnerInput.problem("Steps", "99999999999", 1, 100_000_000, true));
        assertEquals("Steps must be a whole number from 1 to 100,000,000 (got '2e3').",
                SpinnerInput.problem("Steps", "2e3", 1, 100_000_000, true));
        assertEquals("Dropout must be a number from 0 to 0.85 (got '0.9').",
                SpinnerInput.problem("Dropout", "0.9", 0, 0.85, false));
        assertEquals("Batch must be a whole number from 1 to 4,096 (the field is empty).", SpinnerInput.problem("Batch", " ", 1, 4096, true));
    }

    @Test
    void aValueIsReadOnlyInsideTheRangeAndNeverThrows() {
        assertEquals(2000, SpinnerInput.parse(" 2,000 ", 1, 100_000, true));
        assertNull(SpinnerInput.parse("abc", 1, 100_000, true));
        assertNull(SpinnerInput.parse("5000000", 1, 100_000, true));
        assertNull(SpinnerInput.parse("99999999999999999999", 1, 100_000, true));
        assertNull(SpinnerInput.parse("NaN", 0, 1, false));
        assertNull(SpinnerInput.parse(null, 0, 1, false));
        assertEquals(0.5, SpinnerInput.parse("0.5", 0, 1, false));
        assertEquals("Length must be a whole number from 1 to 100,000 (got '5000000').",
                SpinnerInput.problem("Length", "5000000", 1, 100_000, true));
    }

    @Test
    void aGoodValueIsNoProblem() {
        assertNull(SpinnerInput.problem("Steps", " 2,000 ", 1, 100_000_000, true));
        assertNull(SpinnerInput.problem("Dropout", "0.85", 0, 0.85, false));
    }
}
