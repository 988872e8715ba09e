package org.tunebook.dl4j.model;

import java.util.Map;

/** Typed reads from a trial's parameter map, with errors that name the key and what was expected. */
public final class Params {
    private Params() {
    }

    public static int getInt(Map<String, ?> params, String key) {
        Object v = require(params, key);
        if (v instanceof Number n) {
            double d = n.doubleValue();
            if (d != Math.rint(d)) {
                throw new IllegalArgumentException("parameter '" + key + "' must be a whole number, got " + v);
            }
            return (int) d;
        }
        if (v instanceof String s) {
            try {
                return Integer.parseInt(s.trim());
            } catch (NumberFormatException e) {
                // fall through
            }
        }
        throw new IllegalArgumentException("parameter '" + key + "' must be an integer, got " + v
                + " (" + v.getClass().getSimpleName() + ")");
    }

    public static int getInt(Map<String, ?> params, String key, int fallback) {
        return params.containsKey(key) ? getInt(params, key) : fallback;
    }

    public static double getDouble(Map<String, ?> params, String key) {
        Object v = require(params, key);
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof String s) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                // fall through
            }
        }
        throw new IllegalArgumentException("parameter '" + key + "' must be a number, got " + v
                + " (" + v.getClass().getSimpleName() + ")");
    }

    public static double getDouble(Map<String, ?> params, String key, double fallback) {
        return params.containsKey(key) ? getDouble(params, key) : fallback;
    }

    public static String getString(Map<String, ?> params, String key) {
        return String.valueOf(require(params, key));
    }

    public static String getString(Map<String, ?> params, String key, String fallback) {
        return params.containsKey(key) ? getString(params, key) : fallback;
    }

    private static Object require(Map<String, ?> params, String key) {
        Object v = params.get(key);
        if (v == null) {
            throw new IllegalArgumentException("parameter '" + key + "' is missing; the trial has " + params.keySet()
                    + " (suggest it, e.g. trial.suggestInt(\"" + key + "\", ...))");
        }
        return v;
    }
}
