package app.scribe.generation;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StopRuleTest {
    @Test
    void textAndSentenceEndsAreRecognised() {
        StopRule sentence = new StopRule("", true);
        assertTrue(sentence.reached("She smiled."));
        assertTrue(sentence.reached("Who?"));
        assertTrue(sentence.reached("Go!"));
        assertFalse(sentence.reached("She smiled, "));
        assertFalse(sentence.reached(""));

        StopRule word = StopRule.at("Becky");
        assertTrue(word.reached("said Becky"));
        assertFalse(word.reached("said Beck"));
        assertFalse(word.reached("Becky said"));
        assertTrue(new StopRule("\n", true).reached("a line\n"));
        assertFalse(StopRule.never().reached("anything."));
    }
}
