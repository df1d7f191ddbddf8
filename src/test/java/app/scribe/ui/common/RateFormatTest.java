package app.scribe.ui.common;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RateFormatTest {
    @Test
    void smallRatesAreWrittenAsPeopleTypeThem() {
        assertEquals("3e-4", RateFormat.of(3e-4));
        assertEquals("2e-3", RateFormat.of(0.002));
        assertEquals("2.5e-3", RateFormat.of(0.0025));
        assertEquals("6.67e-4", RateFormat.of(6.67e-4));
        assertEquals("-2e-3", RateFormat.of(-0.002));
        assertEquals("1e-10", RateFormat.of(1e-10));
        assertEquals("0.5", RateFormat.of(0.5));
        assertEquals("0.01", RateFormat.of(0.01));
        assertEquals("1", RateFormat.of(1.0));
        assertEquals("0", RateFormat.of(0));
        assertEquals(3e-4, Double.parseDouble(RateFormat.of(3e-4)));
    }
}
