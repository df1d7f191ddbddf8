package app.scribe.ui.lab;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A whole number too large for an int is read as out of range (and refused with the range), not as no number. */
class LabFormTest {
    @Test
    void aTooLargeWholeNumberReadsAsTheLargest() {
        assertEquals(Integer.MAX_VALUE, LabForm.integer(" 99999999999 "));
        assertEquals(Integer.MIN_VALUE, LabForm.integer("-99999999999"));
        assertEquals(2_000_000_000, LabForm.integer("2000000000"));
        assertThrows(NumberFormatException.class, () -> LabForm.integer("12abc"));
        assertThrows(NumberFormatException.class, () -> LabForm.integer(""));
    }
}
