package org.tunebook.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tunebook.storage.Storage;

class TrialListTest {

    /** The arrays agree with the trials themselves, for the in-memory and the SQLite storage, in every state. */
    @Test
    void arraysAgreeWithTheTrials(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        for (Storage storage : List.of(Storage.inMemory(), Storage.sqlite(dir.resolve("t.db")))) {
            Study s = Study.builder("t").minimize().storage(storage).create();
            s.optimize(t -> {
                double x = t.suggestFloat("x", 0, 1);
                if (t.number() % 5 == 3) throw new TrialPruned();
                if (t.number() % 7 == 6) throw new IllegalStateException("fails");
                return x;
            }, org.tunebook.study.OptimizeOptions.trials(20).withProgress(false).withCatchExceptions(true));
            Trial running = s.ask();
            s.enqueueTrial(java.util.Map.of("x", 0.5));
            for (var states : List.of(TrialState.ALL, EnumSet.of(TrialState.COMPLETE, TrialState.RUNNING), EnumSet.of(TrialState.WAITING))) {
                List<FrozenTrial> got = storage.trials(s.studyId(), states);
                TrialList list = TrialList.of(got);
                assertSame(got, list, storage.url() + ": built-in storages answer a TrialList");
                assertEquals(s.trials(states).size(), list.size());
                for (int i = 0; i < list.size(); i++) {
                    FrozenTrial t = list.get(i);
                    assertEquals(t.number(), list.number(i));
                    assertEquals(t.trialId(), list.trialId(i));
                    assertEquals(t.state(), list.state(i), storage.url() + " trial #" + t.number());
                }
            }
            // a trial that changes state shows its new state in the next list
            s.tell(running, 0.25);
            TrialList after = TrialList.of(storage.trials(s.studyId(), TrialState.ALL));
            int at = running.number();
            assertEquals(TrialState.COMPLETE, after.state(at));
            assertEquals(0.25, after.get(at).value());
        }
    }

    @Test
    void isUnmodifiableButStudyTrialsIsYours() {
        Study s = Study.builder("u").minimize().create();
        s.optimize(t -> t.suggestFloat("x", 0, 1), org.tunebook.study.OptimizeOptions.trials(3).withProgress(false));
        List<FrozenTrial> fromStorage = s.storage().trials(s.studyId(), TrialState.ALL);
        assertThrows(UnsupportedOperationException.class, () -> fromStorage.remove(0));
        List<FrozenTrial> mine = s.trials();
        mine.sort((a, b) -> Double.compare(b.value(), a.value())); // a user's own list
        assertEquals(3, mine.size());
        assertThrows(IndexOutOfBoundsException.class, () -> TrialList.of(fromStorage).state(3));
        assertEquals(0, TrialList.of(new ArrayList<>()).size());
    }
}
