package org.tunebook.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tunebook.space.CategoricalDistribution;
import org.tunebook.space.FloatDistribution;
import org.tunebook.space.IntDistribution;
import org.tunebook.study.Direction;
import org.tunebook.study.FrozenTrial;
import org.tunebook.study.TrialState;

/**
 * The same contract for every storage: what is written is read back exactly. The "postgresql" kind runs on a
 * private server started by {@link PostgresServer} (one fresh database per test).
 */
class StorageContractTest {
    @TempDir
    static Path dir;

    static Stream<Arguments> storages() {
        return Stream.of(Arguments.of("memory"), Arguments.of("sqlite"), Arguments.of("postgresql"));
    }

    private static Storage open(String kind, String file) {
        return switch (kind) {
            case "memory" -> Storage.inMemory();
            case "sqlite" -> Storage.sqlite(dir.resolve(file));
            case "postgresql" -> Storage.open(PostgresServer.shared().newDatabase());
            default -> throw new IllegalArgumentException(kind);
        };
    }

    /** A long string that does not compress (PostgreSQL compresses long values before indexing them). */
    static String longUnicode(int length, long seed) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        int[] ranges = {0x21, 0x7e, 0xc0, 0x24f, 0x391, 0x3c9, 0x4e00, 0x9fff, 0x1f600, 0x1f64f};
        StringBuilder b = new StringBuilder();
        while (b.length() < length) {
            int k = r.nextInt(ranges.length / 2) * 2;
            b.appendCodePoint(r.nextInt(ranges[k], ranges[k + 1] + 1));
        }
        return b.toString();
    }

    @ParameterizedTest
    @MethodSource("storages")
    void trialsRoundTrip(String kind) {
        try (Storage s = open(kind, "roundtrip.db")) {
            StudyInfo study = s.createStudy("st", List.of(Direction.MAXIMIZE));
            FrozenTrial t = s.createTrial(study.studyId(), Map.of("grid_id", 3));
            assertEquals(0, t.number());
            assertEquals(TrialState.RUNNING, t.state());
            s.setTrialParam(t.trialId(), "lr", FloatDistribution.logUniform(1e-4, 1), 0.01);
            s.setTrialParam(t.trialId(), "n", IntDistribution.stepped(2, 10, 2), 6);
            s.setTrialParam(t.trialId(), "act", CategoricalDistribution.of("relu", 32, true, null), 3);
            s.setTrialIntermediateValue(t.trialId(), 0, 0.5);
            s.setTrialIntermediateValue(t.trialId(), 1, Double.NaN);
            s.setTrialAttr(t.trialId(), true, "note", Map.of("k", List.of(1, "two")));
            FrozenTrial done = s.finishTrial(t.trialId(), TrialState.COMPLETE, new double[]{0.1234567890123}, null);
            assertEquals(List.of(0.1234567890123), done.values());
            assertEquals(Map.of("lr", 0.01, "n", 6), Map.of("lr", done.params().get("lr"), "n", done.params().get("n")));
            assertEquals(null, done.params().get("act"));
            assertTrue(done.params().containsKey("act"));
            assertEquals(List.of("lr", "n", "act"), List.copyOf(done.params().keySet()), "suggestion order is kept");
            assertEquals(0.5, done.intermediateValues().get(0));
            assertTrue(done.intermediateValues().get(1).isNaN());
            assertEquals(Map.of("k", List.of(1, "two")), done.userAttrs().get("note"));
            assertEquals(3, done.systemAttrs().get("grid_id"));
            assertTrue(done.datetimeComplete() != null && !done.datetimeComplete().isBefore(done.datetimeStart()));
            assertThrows(IllegalStateException.class, () -> s.setTrialIntermediateValue(t.trialId(), 2, 1.0));
            assertThrows(IllegalStateException.class, () -> s.finishTrial(t.trialId(), TrialState.FAIL, null, "late"));
            assertEquals(1, s.trials(study.studyId(), EnumSet.of(TrialState.COMPLETE)).size());
        }
    }

    @ParameterizedTest
    @MethodSource("storages")
    void waitingTrialsAndClaims(String kind) {
        try (Storage s = open(kind, "waiting.db")) {
            long id = s.createStudy("w", List.of(Direction.MINIMIZE)).studyId();
            s.createWaitingTrial(id, Map.of("fixed_params", Map.of("x", 1.5)));
            s.createWaitingTrial(id, Map.of("fixed_params", Map.of("x", 2.5)));
            assertEquals(2, s.countTrials(id, EnumSet.of(TrialState.WAITING)));
            FrozenTrial first = s.popWaitingTrial(id).orElseThrow();
            assertEquals(0, first.number());
            assertEquals(TrialState.RUNNING, first.state());
            assertEquals(Map.of("x", 1.5), first.systemAttrs().get("fixed_params"));
            assertEquals(1, s.popWaitingTrial(id).orElseThrow().number());
            assertTrue(s.popWaitingTrial(id).isEmpty());
            assertTrue(s.tryClaim(id, "grid:0"));
            assertFalse(s.tryClaim(id, "grid:0"));
            assertTrue(s.tryClaim(id, "grid:1"));
            assertThrows(DuplicateStudyException.class, () -> s.createStudy("w", List.of(Direction.MINIMIZE)));
        }
    }

    @ParameterizedTest
    @MethodSource("storages")
    void hostileNamesAndValuesAreStoredExactly(String kind) {
        List<String> names = List.of("'; DROP TABLE tb_trials; --", "quote\"double", "ünïcødé 学习率 🚀", "x".repeat(5000), "back\\slash\nnewline",
                "$1 $$ dollar $$; SELECT pg_sleep(10); --", "%_ like * wildcards ?", "Robert'); DELETE FROM tb_studies WHERE ('1'='1",
                longUnicode(20_000, 7), "\t tab and trailing space ");
        try (Storage s = open(kind, "hostile.db")) {
            for (String name : names) {
                long id = s.createStudy(name, List.of(Direction.MINIMIZE)).studyId();
                s.setStudyAttr(id, true, name, name);
                FrozenTrial t = s.createTrial(id, Map.of());
                s.setTrialParam(t.trialId(), name, CategoricalDistribution.of(name, "other"), 0);
                s.setTrialAttr(t.trialId(), true, name, List.of(name));
                FrozenTrial done = s.finishTrial(t.trialId(), TrialState.FAIL, null, name);
                assertEquals(name, done.params().get(name));
                assertEquals(List.of(name), done.userAttrs().get(name));
                assertEquals(name, done.failReason());
                assertEquals(Map.of(name, name), s.studyAttrs(id, true));
                assertEquals(name, s.findStudy(name).orElseThrow().name());
            }
            assertEquals(names, s.studies().stream().map(StudyInfo::name).toList());
        }
    }

    @ParameterizedTest
    @MethodSource("storages")
    void aNulCharacterIsStoredOrRefusedWithTheFix(String kind) {
        String name = "before\u0000after";
        try (Storage s = open(kind, "nul.db")) {
            long id = s.createStudy("nul", List.of(Direction.MINIMIZE)).studyId();
            FrozenTrial t = s.createTrial(id, Map.of());
            // attribute values are stored as JSON, where U+0000 is an escape: every storage keeps them
            s.setTrialAttr(t.trialId(), true, "k", name);
            assertEquals(name, s.trial(t.trialId()).userAttrs().get("k"));
            if (kind.equals("postgresql")) {
                // PostgreSQL text cannot hold U+0000: a clear refusal, and the storage stays usable
                StorageException e = assertThrows(StorageException.class, () -> s.createStudy(name, List.of(Direction.MINIMIZE)));
                assertTrue(e.getMessage().contains("NUL character (U+0000)"), e.getMessage());
                assertTrue(e.getMessage().contains("remove it"), e.getMessage());
                assertThrows(StorageException.class, () -> s.finishTrial(t.trialId(), TrialState.FAIL, null, name));
                assertEquals("plain", s.createStudy("plain", List.of(Direction.MINIMIZE)).name());
                assertEquals("no NUL", s.finishTrial(t.trialId(), TrialState.FAIL, null, "no NUL").failReason());
            } else {
                assertEquals(name, s.createStudy(name, List.of(Direction.MINIMIZE)).name());
                assertEquals(name, s.finishTrial(t.trialId(), TrialState.FAIL, null, name).failReason());
            }
        }
    }

    @Test
    void aPostgresUrlSetsThePoolSizeAndPassesTheRestToTheDriver() {
        String db = PostgresServer.shared().newDatabase();   // jdbc:postgresql://...?user=...
        try (Storage s = Storage.open(db + "&poolSize=9")) {
            assertEquals(9, ((JdbcStorage) s).poolSize());
            assertEquals("pooled", s.createStudy("pooled", List.of(Direction.MINIMIZE)).name());
        }
        try (Storage s = Storage.open(db.replace("?", "?poolSize=2&"))) {
            assertEquals(2, ((JdbcStorage) s).poolSize());
            assertTrue(s.findStudy("pooled").isPresent(), "the driver got the rest of the URL: same database, same user");
        }
        try (Storage s = Storage.open(db)) {
            assertEquals(JdbcStorage.DEFAULT_POOL_SIZE, ((JdbcStorage) s).poolSize());
        }
        for (String bad : List.of("0", "many", "1000")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Storage.open(db + "&poolSize=" + bad));
            assertTrue(e.getMessage().contains("poolSize=" + bad + " is not a number of connections from 1 to 256"), e.getMessage());
        }
    }

    @ParameterizedTest
    @MethodSource("storages")
    void trialNumbersAreUniqueUnderConcurrency(String kind) throws Exception {
        try (Storage s = open(kind, "concurrent.db")) {
            long id = s.createStudy("c", List.of(Direction.MINIMIZE)).studyId();
            List<Thread> threads = new java.util.ArrayList<>();
            for (int k = 0; k < 4; k++) {
                Thread th = new Thread(() -> {
                    for (int i = 0; i < 50; i++) {
                        FrozenTrial t = s.createTrial(id, Map.of());
                        s.finishTrial(t.trialId(), TrialState.COMPLETE, new double[]{i}, null);
                    }
                });
                threads.add(th);
                th.start();
            }
            for (Thread th : threads) th.join();
            List<Integer> numbers = s.trials(id, TrialState.ALL).stream().map(FrozenTrial::number).toList();
            assertEquals(java.util.stream.IntStream.range(0, 200).boxed().toList(), numbers);
        }
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"sqlite", "postgresql"})
    void staleTrialsAreFailedOnceAndOnlyWhenTheyHadHeartbeats(String kind) throws Exception {
        try (Storage s = open(kind, "stale.db")) {
            long id = s.createStudy("stale", List.of(Direction.MINIMIZE)).studyId();
            FrozenTrial silent = s.createTrial(id, Map.of()); // its worker sends no heartbeats: never reaped
            FrozenTrial dead = s.createTrial(id, Map.of());
            s.setTrialParam(dead.trialId(), "x", FloatDistribution.uniform(0, 1), 0.5);
            s.heartbeat(dead.trialId());
            FrozenTrial alive = s.createTrial(id, Map.of());
            s.heartbeat(alive.trialId());
            assertEquals(List.of(), s.failStaleTrials(id, java.time.Duration.ofHours(1)), "recent heartbeats are not stale");
            Thread.sleep(1200); // lets the first heartbeat of "dead" age past the grace
            s.heartbeat(alive.trialId());
            List<FrozenTrial> failed = s.failStaleTrials(id, java.time.Duration.ofSeconds(1));
            assertEquals(List.of(dead.number()), failed.stream().map(FrozenTrial::number).toList());
            FrozenTrial f = failed.get(0);
            assertEquals(TrialState.FAIL, f.state());
            assertTrue(f.failReason().matches("worker died \\(no heartbeat for [1-9][0-9]*s\\)"), f.failReason());
            assertEquals(0.5, f.params().get("x"));
            assertEquals(List.of(), s.failStaleTrials(id, java.time.Duration.ofSeconds(1)), "a trial is failed once");
            assertEquals(TrialState.RUNNING, s.trial(silent.trialId()).state());
            assertEquals(TrialState.RUNNING, s.trial(alive.trialId()).state());
            IllegalStateException late = assertThrows(IllegalStateException.class,
                    () -> s.finishTrial(dead.trialId(), TrialState.COMPLETE, new double[]{1}, null));
            assertTrue(late.getMessage().contains("worker died"), late.getMessage());
        }
    }

    @org.junit.jupiter.api.Test
    void sqliteStudiesSurviveReopening() {
        Path file = dir.resolve("sub/dir/reopen.db");
        long id;
        try (Storage s = Storage.sqlite(file)) {
            id = s.createStudy("keep", List.of(Direction.MINIMIZE)).studyId();
            FrozenTrial t = s.createTrial(id, Map.of());
            s.setTrialParam(t.trialId(), "x", FloatDistribution.uniform(0, 1), 0.25);
            s.finishTrial(t.trialId(), TrialState.COMPLETE, new double[]{0.0625}, null);
            s.createTrial(id, Map.of()); // left RUNNING, as by a killed worker
        }
        try (Storage s = Storage.open("sqlite:" + file)) {
            List<FrozenTrial> trials = s.trials(id, TrialState.ALL);
            assertEquals(2, trials.size());
            assertEquals(0.25, trials.get(0).params().get("x"));
            assertEquals(TrialState.RUNNING, trials.get(1).state());
        }
    }

    @org.junit.jupiter.api.Test
    void storageUrlErrorsSayWhatIsAccepted() {
        assertEquals("unknown storage URL 'mysql://x': " + Storages.URL_HELP,
                assertThrows(IllegalArgumentException.class, () -> Storage.open("mysql://x")).getMessage());
        assertEquals("storage URL 'sqlite:' has no file: " + Storages.URL_HELP,
                assertThrows(IllegalArgumentException.class, () -> Storage.open("sqlite:")).getMessage());
    }
}
