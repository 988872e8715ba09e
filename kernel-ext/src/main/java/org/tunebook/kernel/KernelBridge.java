package org.tunebook.kernel;

import java.util.List;
import java.util.function.Function;

/**
 * What Tunebook needs from a notebook kernel; one implementation per kernel API (JJava, IJava).
 * Everything is called from the cell's thread while a cell executes.
 */
public interface KernelBridge {

    /** "JJava" or "IJava". */
    String name();

    /** Makes the kernel render values of {@code type} (and subtypes) with {@code renderer}. */
    <T> void registerRenderer(Class<T> type, Function<? super T, Bundle> renderer);

    void registerLineMagic(String name, LineMagicFunction magic);

    void registerCellMagic(String name, CellMagicFunction magic);

    /** Shows a bundle below the running cell; returns its display id for {@link #updateDisplay}. */
    String display(Bundle bundle);

    /** Replaces the content of an earlier display (Jupyter's update_display_data). */
    void updateDisplay(String displayId, Bundle bundle);

    /**
     * Evaluates Java code in the notebook's own shell (the user's variables and imports are visible)
     * and returns the value of its last expression, or null.
     */
    Object eval(String code) throws Exception;

    /** The kernel object itself: two bridges over the same kernel have the same identity. */
    default Object identity() {
        return this;
    }

    /**
     * A readable description of an error thrown by {@link #eval}: compiler messages with line numbers
     * counted from the first line after {@code headerLines} generated lines.
     */
    default String describeError(Exception error, int headerLines) {
        String m = error.getMessage();
        return error.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }

    /**
     * An object identifying the cell executing now (null when none): a study's progress compares it to
     * the one it started in to notice that its cell was interrupted and is over. By default the bridge
     * itself while attached.
     */
    default Object cellToken() {
        return isAttached() ? this : null;
    }

    /** Whether {@code thread} is one of the kernel's cell-executing threads. */
    default boolean isCellThread(Thread thread) {
        return false;
    }

    /** True while a cell executes: only then do displays reach the notebook. */
    boolean isAttached();

    @FunctionalInterface
    interface LineMagicFunction {
        Object run(List<String> args) throws Exception;
    }

    @FunctionalInterface
    interface CellMagicFunction {
        Object run(List<String> args, String body) throws Exception;
    }
}
