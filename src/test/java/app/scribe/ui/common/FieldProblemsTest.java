package app.scribe.ui.common;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A field's problem is said, refuses the action while it lasts, and is taken back from the bar once fixed. */
class FieldProblemsTest {
    private static final String BAD = "Length must be a whole number from 1 to 100,000 (got 'abc').";

    @Test
    void aProblemRefusesTheActionUntilTheFieldIsFixed() {
        Messages messages = new Messages();
        FieldProblems problems = new FieldProblems(messages);
        Object length = new Object();
        assertFalse(problems.refuse());
        assertNull(messages.latestProperty().get());

        problems.mark(length, BAD);
        assertNull(messages.latestProperty().get(), "a field being typed in is marked, not yet said");
        assertTrue(problems.refuse());
        assertEquals(BAD, messages.latestProperty().get().text());
        assertEquals(Messages.Kind.ERROR, messages.latestProperty().get().kind());

        problems.fixed(length);
        assertNull(messages.latestProperty().get(), "the fixed field's sentence leaves the bar");
        assertFalse(problems.refuse());
        assertNull(problems.first());
    }

    @Test
    void fixingAFieldLeavesAnotherMessageAlone() {
        Messages messages = new Messages();
        FieldProblems problems = new FieldProblems(messages);
        Object length = new Object();
        problems.report(length, BAD);
        messages.info("Saved my-model.scribe at step 30.");
        problems.fixed(length);
        assertEquals("Saved my-model.scribe at step 30.", messages.latestProperty().get().text());
    }
}
