package org.tunebook.dl4j.ensemble;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunebook.dl4j.TestData;
import org.tunebook.dl4j.data.LabeledData;
import org.tunebook.dl4j.data.Split;
import org.tunebook.dl4j.model.Mlp;
import org.tunebook.dl4j.model.Optimizer;
import org.tunebook.dl4j.train.EpochLogs;
import org.tunebook.dl4j.train.Evaluation;
import org.tunebook.dl4j.train.Fit;
import org.tunebook.dl4j.train.ModelCheckpoint;
import org.tunebook.dl4j.train.Predict;
import org.tunebook.study.FrozenTrial;
import org.tunebook.study.Study;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Seed 000's production step on a real study: checkpointed models of the best trials, averaged. */
class EnsembleTest {

    @Test
    void averagesTheBestTrialsSavedModels(@TempDir Path dir) throws Exception {
        Split mnist = TestData.mnist();
        LabeledData train = mnist.train().head(1200);
        LabeledData production = mnist.test().head(1000);
        Function<FrozenTrial, Path> file = t -> dir.resolve(t.number() + "_mlp.zip");
        Study study = Study.builder("ensemble").minimize().sampler(new org.tunebook.sampler.RandomSampler(11L)).create();
        study.optimize(trial -> {
            int units = trial.suggestInt("units", 8, 32);
            MultiLayerNetwork net = Mlp.builder().hidden(1, units).optimizer(Optimizer.adam(0.003))
                    .seed(100 + trial.number()).build().build();
            ModelCheckpoint best = ModelCheckpoint.bestOnly(dir.resolve(trial.number() + "_mlp.zip"));
            return Fit.of(net).batchSize(32).epochs(3).validationSplit(0.25).callbacks(best).run(train)
                    .min(EpochLogs.VAL_LOSS);
        }, 3);
        List<FrozenTrial> byValue = study.completeTrials().stream()
                .sorted(Comparator.comparingDouble(FrozenTrial::value)).toList();

        Ensemble two = Ensemble.fromStudy(study, 10.0, 2, file);
        assertEquals(2, two.size());
        assertEquals(List.of("trial " + byValue.get(0).number(), "trial " + byValue.get(1).number()), two.names());

        // the ensemble's probabilities are the mean of its members'
        float[][] p = two.probabilities(production);
        float[][] a = Predict.probabilities(MultiLayerNetwork.load(file.apply(byValue.get(0)).toFile(), false), production);
        float[][] b = Predict.probabilities(MultiLayerNetwork.load(file.apply(byValue.get(1)).toFile(), false), production);
        for (int i = 0; i < production.size(); i++) {
            float rowSum = 0;
            for (int j = 0; j < 10; j++) {
                assertEquals((a[i][j] + b[i][j]) / 2, p[i][j], 1e-6);
                rowSum += p[i][j];
            }
            assertEquals(1.0, rowSum, 1e-4);
        }
        Evaluation e = two.evaluate(production);
        assertTrue(e.accuracy() > 0.75, e.toString());
        assertTrue(e.balancedAccuracy() > 0.7, e.toString());

        // a threshold between the best and the second best keeps one model
        double between = (byValue.get(0).value() + byValue.get(1).value()) / 2;
        if (byValue.get(0).value() < byValue.get(1).value()) {
            assertEquals(1, Ensemble.fromStudy(study, between, 25, file).size());
        }
        // a missing file is skipped and the next trial takes its place
        Files.delete(file.apply(byValue.get(0)));
        Ensemble without = Ensemble.fromStudy(study, 10.0, 2, file);
        assertEquals(List.of("trial " + byValue.get(1).number(), "trial " + byValue.get(2).number()), without.names());
        assertEquals(1, without.skipped().size());
        // nothing under the threshold: a clear error
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> Ensemble.fromStudy(study, 0.0, 2, file));
        assertTrue(none.getMessage().contains("threshold"), none.getMessage());
    }
}
