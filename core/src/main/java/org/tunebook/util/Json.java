package org.tunebook.util;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tunebook.space.CategoricalDistribution;
import org.tunebook.space.Distribution;
import org.tunebook.space.FloatDistribution;
import org.tunebook.space.IntDistribution;

/** JSON for attribute values, distributions and the CLI's output (Jackson). */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    /** Serializes a value that must be JSON-like: null, String, Number, Boolean, Enum, List, Map, array. */
    public static String write(Object value) {
        checkJsonLike(value, "value");
        try {
            return MAPPER.writeValueAsString(value instanceof Enum<?> e ? e.name() : value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot store " + value + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    public static Object read(String json) {
        if (json == null) return null;
        try {
            return MAPPER.readValue(json, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt JSON in storage: " + json, e);
        }
    }

    /**
     * What {@code read(write(value))} gives, for a checked JSON-like value: maps, lists, strings, booleans,
     * Integers and finite Doubles are copied directly (JSON reads them back as the same types); anything else
     * takes the round trip. Storages use it to keep no reference to a caller's mutable value.
     */
    public static Object copy(Object value) {
        Object direct = copyDirect(value);
        return direct != NOT_DIRECT ? direct : read(write(value));
    }

    private static final Object NOT_DIRECT = new Object();

    private static Object copyDirect(Object v) {
        if (v == null || v instanceof String || v instanceof Boolean || v instanceof Integer) return v;
        if (v instanceof Double d) return Double.isFinite(d) ? v : NOT_DIRECT;
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new java.util.LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!(e.getKey() instanceof String k)) return NOT_DIRECT;
                Object c = copyDirect(e.getValue());
                if (c == NOT_DIRECT) return NOT_DIRECT;
                out.put(k, c);
            }
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object o : l) {
                Object c = copyDirect(o);
                if (c == NOT_DIRECT) return NOT_DIRECT;
                out.add(c);
            }
            return out;
        }
        return NOT_DIRECT;
    }

    /** Throws an error that names {@code what} when a value cannot round-trip through JSON. */
    public static void checkJsonLike(Object v, String what) {
        if (v == null || v instanceof String || v instanceof Boolean || v instanceof Enum<?>) return;
        if (v instanceof Number n) {
            if (n instanceof Double d && !Double.isFinite(d) || n instanceof Float f && !Float.isFinite(f)) {
                throw new IllegalArgumentException(what + " " + n + " is not finite: JSON cannot store it; store it as a String");
            }
            return;
        }
        if (v instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!(e.getKey() instanceof String)) {
                    throw new IllegalArgumentException(what + " has a non-String key " + e.getKey() + ": use String keys");
                }
                checkJsonLike(e.getValue(), what + "." + e.getKey());
            }
            return;
        }
        if (v instanceof Iterable<?> it) {
            for (Object o : it) checkJsonLike(o, what + "[]");
            return;
        }
        if (v instanceof double[] || v instanceof int[] || v instanceof long[] || v instanceof Object[]) return;
        throw new IllegalArgumentException(what + " of type " + v.getClass().getName()
                + " cannot be stored: use a String, number, boolean, List or Map");
    }

    public static String distributionToJson(Distribution d) {
        ObjectNode n = MAPPER.createObjectNode();
        if (d instanceof FloatDistribution f) {
            n.put("type", "float").put("low", f.low()).put("high", f.high()).put("log", f.log());
            if (f.step() != null) n.put("step", f.step());
        } else if (d instanceof IntDistribution i) {
            n.put("type", "int").put("low", i.low()).put("high", i.high()).put("log", i.log()).put("step", i.step());
        } else {
            CategoricalDistribution c = (CategoricalDistribution) d;
            n.put("type", "categorical");
            n.set("choices", MAPPER.valueToTree(c.choices().stream().map(o -> o instanceof Enum<?> e ? e.name() : o).toList()));
        }
        return n.toString();
    }

    public static Distribution distributionFromJson(String json) {
        try {
            JsonNode n = MAPPER.readTree(json);
            return switch (n.get("type").asText()) {
                case "float" -> new FloatDistribution(n.get("low").asDouble(), n.get("high").asDouble(), n.get("log").asBoolean(),
                        n.hasNonNull("step") ? n.get("step").asDouble() : null);
                case "int" -> new IntDistribution(n.get("low").asInt(), n.get("high").asInt(), n.get("log").asBoolean(), n.get("step").asInt());
                case "categorical" -> {
                    List<Object> choices = new ArrayList<>();
                    for (JsonNode c : n.get("choices")) choices.add(MAPPER.treeToValue(c, Object.class));
                    yield new CategoricalDistribution(choices);
                }
                default -> throw new IllegalStateException("unknown distribution type in storage: " + json);
            };
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt distribution JSON in storage: " + json, e);
        }
    }
}
