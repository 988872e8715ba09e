package org.tunebook.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunebook.storage.PostgresServer;
import org.tunebook.storage.Storage;

/**
 * Several worker JVMs ({@link WorkerMain}) on one study: PostgreSQL for the cluster case, SQLite for a few local
 * processes. Workers are real processes, killed with SIGKILL (Process.destroyForcibly) where a test says so.
 */
class DistributedStudyTest {
    /** The objective of WorkerMain: x^2 + n. */
    private static double objective(FrozenTrial t) {
        double x = (Double) t.params().get("x");
        int n = ((Number) t.params().get("n")).intValue();
        return x * x + n;
    }

    @TempDir
    Path dir;
    private final List<Process> workers = new ArrayList<>();
    private int logNo;

    @AfterEach
    void killLeftovers() {
        for (Process p : workers) p.destroyForcibly();
    }

    private Process worker(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx128m", "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                WorkerMain.class.getName()));
        cmd.addAll(List.of(args));
        Path log = dir.resolve("worker-" + (++logNo) + ".log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        workers.add(p);
        return p;
    }

    private String logOf(int n) {
        try {
            return Files.readString(dir.resolve("worker-" + n + ".log"));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private void awaitExit(Process p, int workerNo) throws InterruptedException {
        if (!p.waitFor(150, TimeUnit.SECONDS)) fail("worker " + workerNo + " did not finish in 150 s; its log:\n" + logOf(workerNo));
        assertEquals(0, p.exitValue(), "worker " + workerNo + " failed; its log:\n" + logOf(workerNo));
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) fail("timed out waiting until " + what);
            Thread.sleep(100);
        }
    }

    private static void assertNumbersAreDense(List<FrozenTrial> trials) {
        assertEquals(IntStream.range(0, trials.size()).boxed().toList(), trials.stream().map(FrozenTrial::number).toList(),
                "trial numbers are unique and without gaps");
    }

    @Test
    void eightWorkerProcessesRun2000TrialsOnOnePostgresStudy() throws Exception {
        String url = PostgresServer.shared().newDatabase();
        for (int i = 0; i < 8; i++) worker("url=" + url, "study=eight workers 'x'", "trials=250");
        for (int i = 0; i < 8; i++) awaitExit(workers.get(i), i + 1);
        try (Storage s = Storage.open(url)) {
            Study study = Study.builder("eight workers 'x'").storage(s).load();
            List<FrozenTrial> trials = study.trials();
            assertEquals(2000, trials.size());
            assertNumbersAreDense(trials);
            for (FrozenTrial t : trials) {
                assertEquals(TrialState.COMPLETE, t.state(), "trial #" + t.number());
                assertEquals(objective(t), t.value(), 0.0, "trial #" + t.number() + " keeps its own result");
            }
        }
    }

    @Test
    void aKilledWorkersTrialFailsAfterTheGracePeriodAndIsRetriedOnce() throws Exception {
        String url = PostgresServer.shared().newDatabase();
        String hb = "heartbeatMs=200";
        String grace = "graceMs=1500";
        Process doomed = worker("url=" + url, "study=crash", "hang=true", hb, grace);
        await("the doomed worker is inside its trial", () -> logOf(1).contains("hanging in trial 0"));
        doomed.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, no finally block runs
        try (Storage s = Storage.open(url)) {
            Study study = Study.builder("crash").storage(s).load();
            FrozenTrial dead = study.trials().get(0);
            assertEquals(TrialState.RUNNING, dead.state(), "nobody has failed it yet");
            // The survivor keeps starting trials until it has failed the dead one (after the grace period).
            Process survivor = worker("url=" + url, "study=crash", "sleepMs=20", hb, grace, "retry=true", "untilComplete=10", "untilFailed=1");
            awaitExit(survivor, 2);
            List<FrozenTrial> trials = study.trials();
            assertNumbersAreDense(trials);
            FrozenTrial failed = trials.get(0);
            assertEquals(TrialState.FAIL, failed.state());
            assertTrue(failed.failReason().matches("worker died \\(no heartbeat for [1-9][0-9]*s\\)"), failed.failReason());
            List<FrozenTrial> retries = trials.stream().filter(t -> Integer.valueOf(0).equals(t.systemAttrs().get("failed_trial"))).toList();
            assertEquals(1, retries.size(), "the dead trial is retried exactly once");
            FrozenTrial retry = retries.get(0);
            assertEquals(TrialState.COMPLETE, retry.state());
            assertEquals(dead.params(), retry.params(), "the retry evaluates the dead trial's parameters");
            assertEquals(0, study.trials(EnumSet.of(TrialState.RUNNING, TrialState.WAITING)).size(), "the study completes");
            assertTrue(study.completeTrials().size() >= 10);
        }
    }

    @Test
    void everyWorkerKilledThenRestartedResumesTheStudy() throws Exception {
        String url = PostgresServer.shared().newDatabase();
        String[] common = {"url=" + url, "study=resume", "sleepMs=20", "heartbeatMs=200", "graceMs=1500"};
        for (int i = 0; i < 3; i++) worker(common);
        try (Storage s = Storage.open(url)) {
            await("the first workers have finished 30 trials", () -> s.findStudy("resume").isPresent()
                    && s.countTrials(s.findStudy("resume").get().studyId(), EnumSet.of(TrialState.COMPLETE)) >= 30);
            for (Process p : workers) p.destroyForcibly();
            for (Process p : workers) p.waitFor();
            Study study = Study.builder("resume").storage(s).load();
            List<FrozenTrial> atCrash = study.trials();
            List<Integer> orphans = atCrash.stream().filter(t -> t.state() == TrialState.RUNNING).map(FrozenTrial::number).toList();
            int completeAtCrash = study.completeTrials().size();
            assertTrue(orphans.size() <= 3, "one running trial per killed worker at most: " + orphans);

            int target = completeAtCrash + 30;
            for (int i = 0; i < 3; i++) {
                List<String> args = new ArrayList<>(List.of(common));
                args.addAll(List.of("untilComplete=" + target, "untilFailed=" + orphans.size()));
                worker(args.toArray(String[]::new));
            }
            for (int i = 3; i < 6; i++) awaitExit(workers.get(i), i + 1);
            List<FrozenTrial> trials = study.trials();
            assertNumbersAreDense(trials);
            for (int n : orphans) {
                FrozenTrial t = trials.get(n);
                assertEquals(TrialState.FAIL, t.state(), "orphan #" + n);
                assertTrue(t.failReason().startsWith("worker died (no heartbeat for "), t.failReason());
            }
            assertEquals(0, study.trials(EnumSet.of(TrialState.RUNNING, TrialState.WAITING)).size(), "no trial is left running");
            assertTrue(study.completeTrials().size() >= target, "the study went on after the restart");
            for (FrozenTrial t : study.completeTrials()) assertEquals(objective(t), t.value(), 0.0);
        }
    }

    @Test
    void fourLocalProcessesShareOneSqliteFile() throws Exception {
        Path db = dir.resolve("shared.db");
        for (int i = 0; i < 4; i++) worker("url=sqlite:" + db, "study=local", "trials=50");
        for (int i = 0; i < 4; i++) awaitExit(workers.get(i), i + 1);
        try (Storage s = Storage.sqlite(db)) {
            List<FrozenTrial> trials = Study.builder("local").storage(s).load().trials();
            assertEquals(200, trials.size());
            assertNumbersAreDense(trials);
            for (FrozenTrial t : trials) assertEquals(objective(t), t.value(), 0.0);
        }
    }
}
