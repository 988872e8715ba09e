package org.tunebook.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunebook.sampler.GridSampler;
import org.tunebook.storage.Storage;

/**
 * SQLite studies shared by threads and by processes, and a process killed with SIGKILL: real files, real
 * child JVMs (the test class path), no mocks.
 */
class SqliteProcessesTest {
    @TempDir
    Path dir;

    private static final int GRID_SIZE = 5 * 4 * 2;

    @Test
    void gridWithFourJobsOnSqliteTakesEveryPointOnceAndStops() {
        Map<String, List<Object>> grid = ChildStudies.GRID;
        try (Storage st = Storage.sqlite(dir.resolve("grid.db"))) {
            Study study = Study.builder("grid").storage(st).sampler(new GridSampler(grid)).create();
            Objective f = t -> {
                int a = (Integer) t.suggestCategorical("a", grid.get("a").toArray());
                t.suggestCategorical("b", grid.get("b").toArray());
                t.suggestCategorical("c", grid.get("c").toArray());
                Thread.sleep(2); // let the four jobs interleave
                return a;
            };
            study.optimize(f, OptimizeOptions.trials(1000).withJobs(4));
            assertGridComplete(study.trials());
            study.optimize(f, OptimizeOptions.trials(5).withJobs(4));
            assertEquals(GRID_SIZE, study.trials().size(), "an exhausted grid starts no trial");
        }
    }

    @Test
    void twoProcessesShareOneSqliteGridWithoutRepeats() throws Exception {
        Path db = dir.resolve("shared.db");
        try (Storage st = Storage.sqlite(db)) {
            Study.builder("shared").storage(st).create();
        }
        Path ready = Files.createDirectory(dir.resolve("ready"));
        Process p1 = child("grid", db.toString(), "shared", ready.toString(), "1");
        Process p2 = child("grid", db.toString(), "shared", ready.toString(), "2");
        List<String> out1 = readAll(p1), out2 = readAll(p2);
        assertEquals(0, p1.waitFor(), "worker 1: " + out1);
        assertEquals(0, p2.waitFor(), "worker 2: " + out2);
        Set<Integer> done1 = numbers(out1, "finished "), done2 = numbers(out2, "finished ");
        assertTrue(!done1.isEmpty() && !done2.isEmpty(), "both processes ran trials: " + done1 + " / " + done2);
        Set<Integer> overlap = new HashSet<>(done1);
        overlap.retainAll(done2);
        assertTrue(overlap.isEmpty(), "no trial number in both processes: " + overlap);
        try (Storage st = Storage.sqlite(db)) {
            List<FrozenTrial> trials = Study.builder("shared").storage(st).load().trials();
            assertGridComplete(trials);
            Set<Integer> all = new TreeSet<>(done1);
            all.addAll(done2);
            assertEquals(GRID_SIZE, all.size());
        }
    }

    /**
     * A child JVM runs a study on SQLite and is killed with SIGKILL during trial 3: every trial it reported as
     * finished is in the file, COMPLETE. The killed trial stays RUNNING: nothing in this process could mark it;
     * issue 10's heartbeat reaper will turn such orphans into FAIL.
     */
    @Test
    void killMinus9LosesNoFinishedTrial() throws Exception {
        Path db = dir.resolve("killed.db");
        Process p = child("hang", db.toString(), "killed");
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                lines.add(line);
                if (line.equals("started 3")) break;
            }
            assertTrue(lines.contains("started 3"), "the child reached trial 3: " + lines + errorOf(p));
            p.destroyForcibly(); // SIGKILL: no shutdown hook, no finally block runs
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        }
        assertEquals(137, p.exitValue(), "killed by SIGKILL");
        Set<Integer> reported = numbers(lines, "finished ");
        assertEquals(Set.of(0, 1, 2), reported);
        try (Storage st = Storage.sqlite(db)) {
            Study study = Study.builder("killed").storage(st).load();
            Set<Integer> complete = new TreeSet<>();
            for (FrozenTrial t : study.completeTrials()) complete.add(t.number());
            assertTrue(complete.containsAll(reported), "every finished trial survived: " + complete + " vs " + reported);
            List<FrozenTrial> running = study.trials(EnumSet.of(TrialState.RUNNING));
            assertEquals(List.of(3), running.stream().map(FrozenTrial::number).toList());
            assertEquals(1, running.get(0).params().size(), "its suggested parameter was stored too");
            assertEquals(4, study.trials().size());
        }
    }

    private static void assertGridComplete(List<FrozenTrial> trials) {
        assertEquals(GRID_SIZE, trials.size());
        Set<Map<String, Object>> points = new HashSet<>();
        Set<Object> ids = new HashSet<>();
        for (FrozenTrial t : trials) {
            assertEquals(TrialState.COMPLETE, t.state(), t.toString());
            assertTrue(points.add(t.params()), "repeated grid point " + t.params());
            assertTrue(ids.add(t.systemAttrs().get("grid_id")), "repeated grid id in " + t);
        }
    }

    private Process child(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                "-cp", System.getProperty("java.class.path"), ChildStudies.class.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectError(dir.resolve("child-" + args[0] + "-" + System.nanoTime() + ".err").toFile()).start();
    }

    private static List<String> readAll(Process p) throws Exception {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            return r.lines().toList();
        }
    }

    private static Set<Integer> numbers(List<String> lines, String prefix) {
        Set<Integer> out = new TreeSet<>();
        for (String l : lines) if (l.startsWith(prefix)) out.add(Integer.parseInt(l.substring(prefix.length()).strip()));
        return out;
    }

    private String errorOf(Process p) throws Exception {
        try (var s = Files.list(dir)) {
            StringBuilder b = new StringBuilder();
            for (Path f : s.filter(f -> f.getFileName().toString().startsWith("child-")).toList()) b.append('\n').append(Files.readString(f));
            return b.toString();
        }
    }
}
