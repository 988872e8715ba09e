package org.tunebook.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class PrivateFieldTest {
    static final class Holder {
        @SuppressWarnings("unused")
        private Object env;

        Holder(Object env) {
            this.env = env;
        }
    }

    @Test
    void readsThePrivateFieldOfEachTarget() {
        PrivateField f = new PrivateField("env");
        assertEquals("cell 1", f.read(new Holder("cell 1"), () -> "fallback"));
        assertEquals("cell 2", f.read(new Holder("cell 2"), () -> "fallback"));
        assertNull(f.read(new Holder(null), () -> "fallback")); // a null value is an answer, not a missing field
    }

    @Test
    void answersTheFallbackWhenTheClassHasNoSuchField() {
        PrivateField f = new PrivateField("env");
        assertEquals("fallback", f.read("a String has no env", () -> "fallback"));
        assertEquals("fallback", f.read(new Holder("x"), () -> "fallback")); // looked up once: stays missing
    }
}
