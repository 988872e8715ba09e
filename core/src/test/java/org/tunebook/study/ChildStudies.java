package org.tunebook.study;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.tunebook.sampler.GridSampler;
import org.tunebook.sampler.RandomSampler;
import org.tunebook.storage.Storage;

/**
 * Studies run in a child JVM by {@link SqliteProcessesTest}. Prints one line per event on standard output:
 * {@code started N} when trial N begins (in hang mode: once its parameter is stored) and {@code finished N} once trial N is stored.
 * <ul>
 *   <li>{@code grid DB STUDY READY_DIR WORKER}: joins a grid study, waits until both workers are ready, runs until the grid is exhausted.</li>
 *   <li>{@code hang DB STUDY}: random search whose trial 3 never ends (the parent kills the JVM with SIGKILL).</li>
 * </ul>
 */
public final class ChildStudies {
    /** Ordered: Map.of's iteration order differs between JVMs, and so would the grid's point numbering. */
    static final Map<String, List<Object>> GRID = new java.util.LinkedHashMap<>();

    static {
        GRID.put("a", List.of(0, 1, 2, 3, 4));
        GRID.put("b", List.of("x", "y", "z", "w"));
        GRID.put("c", List.of(true, false));
    }

    public static void main(String[] args) throws Exception {
        Path db = Path.of(args[1]);
        String name = args[2];
        Storage storage = Storage.sqlite(db);
        StudyCallback report = (study, t) -> println("finished " + t.number());
        switch (args[0]) {
            case "grid" -> {
                Study study = Study.builder(name).storage(storage).sampler(new GridSampler(GRID)).load();
                Path ready = Path.of(args[3]);
                Files.createFile(ready.resolve("ready-" + args[4]));
                for (int i = 0; i < 600 && listSize(ready) < 2; i++) Thread.sleep(50);
                study.optimize(t -> {
                    println("started " + t.number());
                    double v = (Integer) t.suggestCategorical("a", GRID.get("a").toArray()) + t.suggestCategorical("b", GRID.get("b").toArray()).hashCode()
                            + (Boolean.TRUE.equals(t.suggestCategorical("c", GRID.get("c").toArray())) ? 1 : 0);
                    Thread.sleep(20);
                    return v;
                }, OptimizeOptions.defaults().withCallback(report));
            }
            case "hang" -> {
                Study study = Study.builder(name).storage(storage).sampler(new RandomSampler(5L)).create();
                study.optimize(t -> {
                    double x = t.suggestFloat("x", -1, 1);
                    println("started " + t.number()); // after the suggestion, which is stored at once
                    if (t.number() >= 3) Thread.sleep(120_000); // killed here
                    return x * x;
                }, OptimizeOptions.trials(10).withCallback(report));
            }
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }
        storage.close();
    }

    private static int listSize(Path dir) throws java.io.IOException {
        try (var s = Files.list(dir)) {
            return (int) s.count();
        }
    }

    private static synchronized void println(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
