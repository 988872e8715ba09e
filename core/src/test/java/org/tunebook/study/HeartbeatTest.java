package org.tunebook.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunebook.storage.Storage;

/** Heartbeat options and the hand-over between a silent worker and one that fails its trial, in one JVM on SQLite. */
class HeartbeatTest {
    @TempDir
    Path dir;

    @Test
    void optionsAreCheckedWithAHint() {
        Study.Builder b = Study.builder("h");
        assertEquals("heartbeat interval must be positive, got PT0S: e.g. Duration.ofSeconds(10)",
                assertThrows(IllegalArgumentException.class, () -> b.heartbeat(Duration.ZERO, Duration.ofSeconds(1))).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> b.heartbeat(Duration.ofSeconds(10), Duration.ofSeconds(10)))
                .getMessage().startsWith("heartbeat grace (PT10S) must be longer than the interval (PT10S)"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Study.builder("h").retryFailedTrials(true).create())
                .getMessage().startsWith("retryFailedTrials needs heartbeat(interval, grace)"));
    }

    @Test
    void aSilentWorkersTrialIsFailedRetriedOnceAndItsLateResultDropped() throws Exception {
        Path db = dir.resolve("hb.db");
        try (Storage slowStorage = Storage.sqlite(db); Storage liveStorage = Storage.sqlite(db)) {
            // "slow" beats only when its trial starts (its next beat would come in 10 minutes): it looks dead.
            Study slow = Study.builder("hb").storage(slowStorage).heartbeat(Duration.ofMinutes(10), Duration.ofMinutes(20)).create();
            Study live = Study.builder("hb").storage(liveStorage).heartbeat(Duration.ofMillis(20), Duration.ofMillis(200))
                    .retryFailedTrials(true).load();
            Trial stuck = slow.ask();
            double x = stuck.suggestFloat("x", 0, 1);
            Thread.sleep(400); // older than live's grace period
            Trial next = live.ask(); // fails the stuck trial, enqueues its retry and takes it at once
            assertEquals(1, next.number());
            assertEquals(x, next.suggestFloat("x", 0, 1), "the retry evaluates the dead trial's parameters");
            live.tell(next, 2 * x);

            FrozenTrial late = slow.tell(stuck, 42.0); // the silent worker comes back: its result is not stored
            assertEquals(TrialState.FAIL, late.state());
            assertTrue(late.failReason().startsWith("worker died (no heartbeat for "), late.failReason());
            List<FrozenTrial> trials = live.trials();
            assertEquals(List.of(TrialState.FAIL, TrialState.COMPLETE), trials.stream().map(FrozenTrial::state).toList());
            assertEquals(0, trials.get(1).systemAttrs().get("failed_trial"));
            assertEquals(List.of(2 * x), trials.get(1).values());
            assertEquals(0, live.trials(EnumSet.of(TrialState.RUNNING, TrialState.WAITING)).size());
        }
    }
}
