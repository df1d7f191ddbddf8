package app.scribe;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class PrintableTest {
    @Test
    void controlCharactersLineBreaksAndBidiOverridesAreEscaped() {
        assertEquals("red\\u001B[31m\\n\\r\\tx\\u0000\\u007F\\u0085\\u2028\\u202Eevil",
                Printable.escape("red\u001b[31m\n\r\tx\u0000\u007f\u0085\u2028\u202eevil"));
    }

    @Test
    void ordinaryTextIsLeftAsItIs() {
        String text = "Les Misérables – «Tome I» 📖 \\u001B";
        assertSame(text, Printable.escape(text));
        assertEquals("null", Printable.escape(null));
    }
}
