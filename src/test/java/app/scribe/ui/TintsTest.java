package app.scribe.ui;

import app.scribe.ui.common.Tints;

import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The studio's tints read with any colour vision: lightness tells the values apart, and text on them is legible. */
class TintsTest {
    private static final int STEPS = 1000;

    @Test
    void confidenceGrowsLighterWithProbabilityAndItsTextIsLegible() {
        double previous = -1;
        for (int i = 0; i <= STEPS; i++) {
            Color background = Tints.confidence((double) i / STEPS);
            double lightness = Tints.luminance(background);
            assertTrue(lightness > previous, "lighter at p = " + (double) i / STEPS);
            previous = lightness;
            assertLegible(background, "p = " + (double) i / STEPS);
        }
        assertTrue(Tints.luminance(Tints.confidence(1)) / Tints.luminance(Tints.confidence(0)) > 20,
                "the scale spans dark to light");
    }

    @Test
    void activationsDarkenAwayFromZeroInTwoHuesAndTheirTextIsLegible() {
        double previousNegative = 2;
        double previousPositive = 2;
        for (int i = 0; i <= STEPS; i++) {
            double t = (double) i / STEPS;
            Color above = Tints.activation(t, 1);
            Color below = Tints.activation(-t, 1);
            assertTrue(Tints.luminance(above) < previousPositive || i == 0, "darker at " + t);
            assertTrue(Tints.luminance(below) < previousNegative || i == 0, "darker at " + -t);
            previousPositive = Tints.luminance(above);
            previousNegative = Tints.luminance(below);
            assertLegible(above, "value " + t);
            assertLegible(below, "value " + -t);
        }
        Color negative = Tints.activation(-1, 1);
        Color positive = Tints.activation(1, 1);
        assertTrue(negative.getBlue() > negative.getRed() && positive.getRed() > positive.getBlue(),
                negative + " is blue, " + positive + " orange: not the red/green pair colour-blind readers confuse");
        assertTrue(Math.abs(negative.getHue() - positive.getHue()) >= 150, "the two signs lie far apart in hue");
    }

    @Test
    void surpriseLightensTowardsOrangeAndStaysLegibleOnWhite() {
        double previous = -1;
        for (int i = 0; i <= STEPS; i++) {
            double bits = 6.0 * i / STEPS;
            Color text = Tints.surprise(bits);
            assertTrue(Tints.luminance(text) > previous, "lighter at " + bits + " bits");
            previous = Tints.luminance(text);
            double contrast = Tints.contrast(text, Color.WHITE);
            assertTrue(contrast >= 4.5, "contrast " + contrast + " on white at " + bits + " bits");
        }
        Color surprising = Tints.surprise(6);
        assertTrue(surprising.getRed() > surprising.getBlue() && surprising.getGreen() > surprising.getBlue()
                && surprising.getHue() > 20, surprising + " is orange, not the red that red-blind readers see as dark");
    }

    private static void assertLegible(Color background, String what) {
        double contrast = Tints.contrast(Tints.textOn(background), background);
        assertTrue(contrast >= 4.5, "text contrast " + contrast + " at " + what);
    }
}
