package app.scribe.lab;

import app.scribe.ScribeException;
import app.scribe.engine.fast.TimeGate;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class GateCurveTest {
    /** tau 10, s 3, r_on 0.4, alpha 0.1: phi = ((t - 3) mod 10) / 10, worked out by hand. */
    @Test
    void opennessAtHandComputedPoints() {
        assertEquals(0, TimeGate.at(3, 10, 3, 0.4, 0.1), 1e-12, "phi 0: the gate starts to open");
        assertEquals(0.5, TimeGate.at(4, 10, 3, 0.4, 0.1), 1e-12, "phi 0.1 = r_on/4: rising");
        assertEquals(1, TimeGate.at(5, 10, 3, 0.4, 0.1), 1e-12, "phi 0.2 = r_on/2: fully open");
        assertEquals(0.5, TimeGate.at(6, 10, 3, 0.4, 0.1), 1e-12, "phi 0.3: falling");
        assertEquals(0, TimeGate.at(7, 10, 3, 0.4, 0.1), 1e-12, "phi 0.4 = r_on: closed again");
        assertEquals(0.05, TimeGate.at(8, 10, 3, 0.4, 0.1), 1e-12, "phi 0.5: leaks alpha*phi");
        assertEquals(0.07, TimeGate.at(0, 10, 3, 0.4, 0.1), 1e-12, "t < s: phi = (-3 mod 10)/10 = 0.7");
        assertEquals(0.5, TimeGate.at(-6, 10, 3, 0.4, 0.1), 1e-12, "t = -6: phi = 0.1");
        assertEquals(0.5, TimeGate.at(14, 10, 3, 0.4, 0.1), 1e-12, "one period later, the same");
    }

    @Test
    void curveIsTheGateAtEveryStep() {
        assertArrayEquals(new double[]{0, 0, 0, 0, 0.5, 1, 0.5, 0, 0, 0}, new GateCurve(10, 3, 0.4, 0, 10).values(),
                1e-12);
    }

    @Test
    void badSettingsAreRefused() {
        assertThrows(ScribeException.class, () -> new GateCurve(0, 0, 0.5, 0, 10));
        assertThrows(ScribeException.class, () -> new GateCurve(10, 0, 0, 0, 10));
        assertThrows(ScribeException.class, () -> new GateCurve(10, 0, 1.5, 0, 10));
        assertThrows(ScribeException.class, () -> new GateCurve(10, 0, 0.5, 0, 0));
    }
}
