package org.tunebook.dl4j.train;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunebook.dl4j.TestData;
import org.tunebook.dl4j.data.LabeledData;
import org.tunebook.dl4j.model.Mlp;
import org.tunebook.dl4j.model.Optimizer;
import org.tunebook.storage.Storage;
import org.tunebook.study.FrozenTrial;
import org.tunebook.study.Study;
import org.tunebook.study.TrialState;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Epoch metrics reach a real study (SQLite storage) as intermediate values, and its pruner stops a fit. */
class TrialReportTest {

    @Test
    void epochsAreReportedAndThePrunerStopsTraining(@TempDir Path dir) {
        LabeledData data = TestData.mnist().train().head(600);
        // prune every trial after the first as soon as it has reported epoch 1
        Study study = Study.builder("report").minimize().storage(Storage.sqlite(dir.resolve("s.db")))
                .pruner((s, t) -> t.number() >= 1 && t.lastStep() >= 1).create();
        study.optimize(trial -> {
            int units = trial.suggestInt("units", 4, 16);
            MultiLayerNetwork net = Mlp.builder().hidden(1, units).optimizer(Optimizer.adam(0.003)).seed(trial.number())
                    .build().build();
            History h = Fit.of(net).batchSize(50).epochs(3).validationSplit(0.2).report(trial).run(data);
            return h.min(EpochLogs.VAL_LOSS);
        }, 2);
        List<FrozenTrial> trials = study.trials();
        FrozenTrial complete = trials.get(0);
        assertEquals(TrialState.COMPLETE, complete.state());
        assertEquals(List.of(0, 1, 2), List.copyOf(complete.intermediateValues().keySet()));
        double minReported = complete.intermediateValues().values().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        assertEquals(minReported, complete.value(), 1e-12, "the objective returned min val_loss, the reported values hold it");
        FrozenTrial pruned = trials.get(1);
        assertEquals(TrialState.PRUNED, pruned.state());
        assertEquals(List.of(0, 1), List.copyOf(pruned.intermediateValues().keySet()), "stopped after epoch 1 of 3");
        assertTrue(pruned.intermediateValues().get(1) > 0 && pruned.intermediateValues().get(1) < 2.4);
    }
}
