package org.tunebook.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void copyGivesWhatTheJsonRoundTripGives() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("x", 0.1);
        nested.put("lr", 1.0E-5);
        nested.put("big", 1.0E300);
        nested.put("n", 7);
        nested.put("long", 12L); // JSON reads it back as an Integer: taken by the round trip
        nested.put("f", 1.5f); // ... and a Float as a Double
        nested.put("s", "relu");
        nested.put("b", true);
        nested.put("none", null);
        nested.put("list", new ArrayList<>(List.of(1, 2.5, "a")));
        List<Object> values = List.of(nested, Map.of("only", 3.25), List.of(-0.0, 4), "text", 42, 2.0, 99L);
        for (Object v : values) {
            Object expected = Json.read(Json.write(v));
            Object copy = Json.copy(v);
            assertEquals(expected, copy, String.valueOf(v));
            if (expected != null) assertEquals(expected.getClass(), copy.getClass(), String.valueOf(v));
        }
        Object copy = Json.copy(nested);
        assertNotSame(nested, copy);
        assertEquals(Integer.class, ((Map<?, ?>) copy).get("long").getClass());
        assertEquals(Double.class, ((Map<?, ?>) copy).get("f").getClass());
        // the copy does not follow later changes of the caller's value
        Map<String, Object> mutable = new LinkedHashMap<>(Map.of("x", 1.0));
        Object stored = Json.copy(mutable);
        mutable.put("x", 2.0);
        assertEquals(Map.of("x", 1.0), stored);
    }
}
