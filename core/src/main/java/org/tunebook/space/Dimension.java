package org.tunebook.space;

import java.util.function.Supplier;

/** A named parameter of a define-and-run search space (skopt's Dimension). */
public record Dimension(String name, Distribution distribution) {

    public Dimension {
        checkName(name);
        if (distribution == null) {
            throw new IllegalArgumentException("parameter '" + name + "' has no distribution");
        }
    }

    /** Validates a parameter name. */
    public static void checkName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a parameter needs a non-blank name");
        }
    }

    /**
     * Builds a distribution for a named parameter; an invalid definition becomes an
     * IllegalArgumentException that names the parameter.
     */
    public static Distribution named(String name, Supplier<? extends Distribution> build) {
        checkName(name);
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("parameter '" + name + "': " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return name + "=" + distribution.spec();
    }
}
