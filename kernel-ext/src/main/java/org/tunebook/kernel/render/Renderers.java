package org.tunebook.kernel.render;

import org.knowm.xchart.internal.chartpart.Chart;
import org.tunebook.kernel.Bundle;
import org.tunebook.evolution.Logbook;
import org.tunebook.skopt.OptimizeResult;
import org.tunebook.study.FrozenTrial;
import org.tunebook.study.Study;
import tech.tablesaw.api.Table;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * Kernel-neutral registry of the renderers Tunebook installs into a kernel: the type they render and
 * the function producing the display bundle. Lookup walks the most specific registration first.
 */
public final class Renderers {
    /** One registration: values of {@code type} (and subtypes) render with {@code renderer}. */
    public record Entry<T>(Class<T> type, Function<? super T, Bundle> renderer) {
        Bundle render(Object value) {
            return renderer.apply(type.cast(value));
        }
    }

    private static final List<Entry<?>> ENTRIES = new CopyOnWriteArrayList<>();

    static {
        register(Bundle.class, b -> b);
        register(Chart.class, chart -> Charts.bundle(chart));
        register(Table.class, Tables::bundle);
        register(Study.class, StudyRendering::bundle);
        register(FrozenTrial.class, StudyRendering::bundle);
        register(OptimizeResult.class, ResultRendering::bundle);
        register(Logbook.class, ResultRendering::bundle);
        register(org.tunebook.plots.Plot.class, org.tunebook.plots.Plot::bundle);
        register(org.tunebook.plots.InteractivePlot.class, org.tunebook.plots.InteractivePlot::bundle);
    }

    private Renderers() {
    }

    public static <T> void register(Class<T> type, Function<? super T, Bundle> renderer) {
        ENTRIES.add(new Entry<>(type, renderer));
    }

    /** Every registration, in registration order. */
    public static List<Entry<?>> entries() {
        return List.copyOf(ENTRIES);
    }

    /** The bundle for {@code value} from the last matching registration, if any. */
    public static Optional<Bundle> render(Object value) {
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Bundle b) {
            return Optional.of(b);
        }
        for (int i = ENTRIES.size() - 1; i >= 0; i--) {
            Entry<?> e = ENTRIES.get(i);
            if (e.type().isInstance(value)) {
                return Optional.of(e.render(value));
            }
        }
        return Optional.empty();
    }

    /** The bundle for {@code value}, falling back to its toString as text/plain. */
    public static Bundle bundle(Object value) {
        return render(value).orElseGet(() -> Bundle.builder().text(String.valueOf(value)).build());
    }
}
