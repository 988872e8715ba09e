package org.tunebook.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunebook.space.CategoricalDistribution;
import org.tunebook.space.FloatDistribution;
import org.tunebook.space.IntDistribution;
import org.tunebook.study.Direction;
import org.tunebook.study.FrozenTrial;
import org.tunebook.study.TrialState;

/**
 * JdbcStorage builds the trials it creates and finishes from what it wrote instead of reading them back:
 * they must be exactly what another process reads from the file.
 */
class JdbcStorageWriteThroughTest {
    @TempDir
    Path dir;

    @Test
    void trialsBuiltFromWritesEqualTrialsReadFromTheFile() {
        Path db = dir.resolve("w.db");
        try (Storage writer = Storage.sqlite(db); Storage reader = Storage.sqlite(db)) {
            long study = writer.createStudy("w", List.of(Direction.MINIMIZE)).studyId();
            FrozenTrial created = writer.createTrial(study, Map.of("grid_id", 3, "fixed_params", Map.of("c", "b")));
            assertEquals(reader.trial(created.trialId()), created);

            writer.setTrialParam(created.trialId(), "x", new FloatDistribution(1e-5, 1e-1, true, null), 0.0123);
            writer.setTrialParam(created.trialId(), "n", new IntDistribution(1, 9, false, 2), 5);
            CategoricalDistribution cat = new CategoricalDistribution(List.of("a", "b", true, 2.5));
            writer.setTrialParam(created.trialId(), "c", cat, 1);
            writer.setTrialAttr(created.trialId(), true, "note", Map.of("k", List.of(1, 2)));
            writer.setTrialAttr(created.trialId(), false, "z_sys", "s");
            writer.setTrialIntermediateValue(created.trialId(), 0, 0.5);
            writer.setTrialIntermediateValue(created.trialId(), 1, Double.NaN);
            FrozenTrial done = writer.finishTrial(created.trialId(), TrialState.COMPLETE, new double[]{0.25}, null);

            FrozenTrial read = reader.trial(created.trialId());
            assertEquals(read.params(), done.params());
            assertEquals(read.distributions(), done.distributions());
            assertEquals(read.userAttrs(), done.userAttrs());
            assertEquals(read.systemAttrs(), done.systemAttrs());
            assertEquals(read.intermediateValues(), done.intermediateValues());
            assertEquals(read.values(), done.values());
            assertEquals(read.datetimeStart(), done.datetimeStart());
            assertEquals(read.datetimeComplete(), done.datetimeComplete());
            assertEquals(read, done);
            assertEquals(List.of("x", "n", "c"), List.copyOf(done.params().keySet()));
            assertEquals("b", done.params().get("c"));
            assertEquals(writer.trials(study, TrialState.ALL), reader.trials(study, TrialState.ALL));

            FrozenTrial failed = writer.finishTrial(writer.createTrial(study, Map.of()).trialId(), TrialState.FAIL, null, "why");
            assertEquals(reader.trial(failed.trialId()), failed);
            assertEquals(1, failed.number());
        }
    }

    @Test
    void writesToAFinishedOrUnknownTrialAreRefused() {
        try (Storage st = Storage.sqlite(dir.resolve("r.db"))) {
            long study = st.createStudy("r", List.of(Direction.MINIMIZE)).studyId();
            long id = st.createTrial(study, Map.of()).trialId();
            st.finishTrial(id, TrialState.COMPLETE, new double[]{1}, null);
            FloatDistribution d = new FloatDistribution(0, 1, false, null);
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> st.setTrialParam(id, "x", d, 0.5));
            assertTrue(e.getMessage().contains("only a RUNNING trial"), e.getMessage());
            assertThrows(IllegalStateException.class, () -> st.finishTrial(id, TrialState.FAIL, null, "again"));
            assertThrows(IllegalArgumentException.class, () -> st.setTrialParam(9999, "x", d, 0.5));
            assertEquals(Map.of(), st.trial(id).params());
        }
    }
}
