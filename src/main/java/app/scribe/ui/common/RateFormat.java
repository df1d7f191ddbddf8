package app.scribe.ui.common;

import java.math.BigDecimal;

/** A rate as people write it in a field: 2e-3 and 3e-4 rather than 0.002 and 3.0E-4; 0.5 and 1 as they are. */
public final class RateFormat {
    private RateFormat() {
    }

    public static String of(double rate) {
        BigDecimal exact = new BigDecimal(Double.toString(rate)).stripTrailingZeros();
        if (rate == 0 || Math.abs(rate) >= 0.01) {
            return exact.toPlainString();
        }
        int exponent = exact.precision() - exact.scale() - 1;
        return exact.movePointLeft(exponent).stripTrailingZeros().toPlainString() + "e" + exponent;
    }
}
