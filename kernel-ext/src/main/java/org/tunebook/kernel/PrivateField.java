package org.tunebook.kernel;

import java.lang.reflect.Field;
import java.util.function.Supplier;

/**
 * A private field of a kernel class, read reflectively (the kernels keep some state we need, such as the
 * executing cell's reply environment, out of their API). The field is looked up once, on first use; when the
 * class has no such field or it cannot be read, every read answers the fallback instead.
 */
public final class PrivateField {
    private final String name;
    private volatile Field field;
    private volatile boolean missing;

    public PrivateField(String name) {
        this.name = name;
    }

    /** The field's value in {@code target}, or {@code fallback}'s answer if the field is not there or not readable. */
    public Object read(Object target, Supplier<Object> fallback) {
        Field f = field;
        if (f == null && !missing) {
            try {
                f = target.getClass().getDeclaredField(name);
                f.setAccessible(true);
                field = f;
            } catch (ReflectiveOperationException | RuntimeException e) {
                missing = true;
            }
        }
        if (f != null) {
            try {
                return f.get(target);
            } catch (ReflectiveOperationException | RuntimeException e) {
                missing = true;
                field = null;
            }
        }
        return fallback.get();
    }
}
