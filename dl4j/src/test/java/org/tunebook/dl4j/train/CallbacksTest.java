package org.tunebook.dl4j.train;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunebook.dl4j.TestData;
import org.tunebook.dl4j.data.LabeledData;
import org.tunebook.dl4j.model.Mlp;
import org.tunebook.dl4j.model.Optimizer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Keras callbacks on crafted histories, then inside a real fit. */
class CallbacksTest {

    private static MultiLayerNetwork tinyNet(double lr) {
        return Mlp.builder().inputs(784).hidden(1, 8).optimizer(Optimizer.adam(lr)).seed(3).build().build();
    }

    private static List<EpochLogs> valLosses(double... values) {
        List<EpochLogs> out = new ArrayList<>();
        for (double v : values) {
            out.add(new EpochLogs().put(EpochLogs.LOSS, v).put(EpochLogs.VAL_LOSS, v));
        }
        return out;
    }

    /** Feeds crafted logs to the callback as Fit would; returns the epoch after which training was stopped, or -1. */
    private static int replay(Callback cb, TrainingContext ctx, List<EpochLogs> logs) {
        cb.onTrainBegin(ctx);
        for (int epoch = 0; epoch < logs.size(); epoch++) {
            cb.onEpochEnd(epoch, logs.get(epoch), ctx);
            if (ctx.stopRequested()) {
                return epoch;
            }
        }
        return -1;
    }

    @Test
    void earlyStoppingStopsAfterPatienceEpochsWithoutImprovement() {
        MultiLayerNetwork net = tinyNet(1e-3);
        TrainingContext ctx = new TrainingContext(net, new History(), true);
        EarlyStopping es = EarlyStopping.onValLoss(3);
        // best at epoch 1 (0.80); epochs 2, 3, 4 do not improve -> stop after epoch 4
        int stopped = replay(es, ctx, valLosses(1.0, 0.80, 0.90, 0.85, 0.82, 0.70, 0.60));
        assertEquals(4, stopped);
        assertEquals(4, es.stoppedEpoch());
        assertEquals(1, es.bestEpoch());
        assertEquals(0.80, es.best());

        // steady improvement never stops
        TrainingContext ctx2 = new TrainingContext(net, new History(), true);
        EarlyStopping es2 = EarlyStopping.onValLoss(1);
        assertEquals(-1, replay(es2, ctx2, valLosses(1.0, 0.9, 0.8, 0.7, 0.6)));

        // accuracy is maximized (mode auto)
        TrainingContext ctx3 = new TrainingContext(net, new History(), true);
        EarlyStopping es3 = EarlyStopping.of(EpochLogs.VAL_ACCURACY, 2);
        List<EpochLogs> acc = new ArrayList<>();
        for (double v : new double[]{0.5, 0.7, 0.69, 0.71, 0.70, 0.65}) {
            acc.add(new EpochLogs().put(EpochLogs.VAL_ACCURACY, v));
        }
        assertEquals(5, replay(es3, ctx3, acc));
        assertEquals(3, es3.bestEpoch());
    }

    @Test
    void reduceLrOnPlateauDividesTheNetworksLearningRateDownToTheFloor() {
        MultiLayerNetwork net = tinyNet(1e-3);
        TrainingContext ctx = new TrainingContext(net, new History(), true);
        assertEquals(1e-3, ctx.learningRate(), 1e-12);
        ReduceLROnPlateau r = ReduceLROnPlateau.onValLoss(0.1, 2, 1e-6);
        r.onTrainBegin(ctx);
        double[] losses = {1.0, 0.9, 0.95, 0.96, 0.97, 0.98, 0.99, 1.0, 1.1, 1.2, 1.3, 0.5};
        double[] lrAfter = new double[losses.length];
        for (int epoch = 0; epoch < losses.length; epoch++) {
            r.onEpochEnd(epoch, new EpochLogs().put(EpochLogs.VAL_LOSS, losses[epoch]), ctx);
            lrAfter[epoch] = ctx.learningRate();
        }
        // no improvement from epoch 2 on: reduce after epochs 3, 5, 7 (1e-4, 1e-5, 1e-6), then the floor holds
        assertArrayEquals(new double[]{1e-3, 1e-3, 1e-3, 1e-4, 1e-4, 1e-5, 1e-5, 1e-6, 1e-6, 1e-6, 1e-6, 1e-6},
                lrAfter, 1e-12);
        assertEquals(3, r.reductions());
        assertEquals(1e-6, net.getLearningRate(0), 1e-12, "the network's updater got the new rate");
        // an improvement by less than min_delta (1e-4) is not an improvement
        ReduceLROnPlateau tight = ReduceLROnPlateau.onValLoss(0.5, 1, 0);
        TrainingContext ctx2 = new TrainingContext(tinyNet(0.01), new History(), true);
        tight.onTrainBegin(ctx2);
        tight.onEpochEnd(0, new EpochLogs().put(EpochLogs.VAL_LOSS, 1.0), ctx2);
        tight.onEpochEnd(1, new EpochLogs().put(EpochLogs.VAL_LOSS, 0.99995), ctx2);
        assertEquals(0.005, ctx2.learningRate(), 1e-12);
    }

    @Test
    void checkpointKeepsTheBestModelOnly(@TempDir Path dir) throws Exception {
        MultiLayerNetwork net = tinyNet(1e-3);
        TrainingContext ctx = new TrainingContext(net, new History(), true);
        Path file = dir.resolve("7_cnn.zip");
        ModelCheckpoint cp = ModelCheckpoint.bestOnly(file);
        replay(cp, ctx, valLosses(1.0, 0.8, 0.9, 0.7, 0.75));
        assertEquals(3, cp.saves());
        assertEquals(3, cp.lastSavedEpoch());
        assertEquals(0.7, cp.best());
        MultiLayerNetwork loaded = MultiLayerNetwork.load(file.toFile(), true);
        assertEquals(net.params(), loaded.params());
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary files left behind");
        }
    }

    @Test
    void callbacksRefuseMetricsTheFitDoesNotMeasure() {
        LabeledData train = TestData.mnist().train().head(64);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Fit.of(tinyNet(1e-3)).epochs(2).callbacks(EarlyStopping.onValLoss(1)).run(train));
        assertTrue(e.getMessage().contains("validationSplit"), e.getMessage());
    }

    @Test
    void callbacksWorkInsideARealFit(@TempDir Path dir) {
        LabeledData train = TestData.mnist().train().head(1200);
        MultiLayerNetwork net = tinyNet(1e-3);
        EarlyStopping es = new EarlyStopping(EpochLogs.LOSS, 0, 10.0, Mode.MIN, false); // needs a 10-unit drop: never
        ModelCheckpoint cp = ModelCheckpoint.bestOnly(dir.resolve("best.zip"));
        ReduceLROnPlateau lr = new ReduceLROnPlateau(EpochLogs.LOSS, 0.5, 0, 1e-5, 10.0, 0, Mode.MIN);
        History h = Fit.of(net).batchSize(100).epochs(3).validationSplit(0.25).callbacks(lr, es, cp).run(train);
        // patience 0: stop after the second epoch (epoch 0 cannot stop, as in Keras)
        assertEquals(2, h.epochs());
        assertTrue(h.stoppedEarly());
        assertEquals(1, es.stoppedEpoch());
        // as in Keras, the logs hold the rate the epoch trained with; the reduction after epoch 1 is for the next
        assertArrayEquals(new double[]{1e-3, 1e-3}, h.get(EpochLogs.LR), 1e-12);
        assertEquals(5e-4, net.getLearningRate(0), 1e-12);
        assertEquals(1, lr.reductions());
        assertTrue(Files.isRegularFile(dir.resolve("best.zip")));
        assertTrue(cp.saves() >= 1);
        assertEquals(h.keys(), new java.util.LinkedHashSet<>(List.of("loss", "accuracy", "val_loss", "val_accuracy", "lr")));
        assertFalse(Double.isNaN(h.min("val_loss")));
        assertTrue(h.last("val_accuracy") > 0.2, h.toString());
    }
}
