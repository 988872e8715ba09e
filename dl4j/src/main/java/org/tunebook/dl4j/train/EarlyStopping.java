package org.tunebook.dl4j.train;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Keras {@code EarlyStopping}: stops when {@code monitor} has not improved by more than {@code minDelta} for
 * {@code patience} consecutive epochs. With {@code restoreBestWeights}, the network gets the weights of the
 * best epoch back when training ends.
 */
public final class EarlyStopping implements Callback {
    private final String monitor;
    private final int patience;
    private final double minDelta;
    private final Mode mode;
    private final boolean restoreBestWeights;
    private double best;
    private int wait;
    private int bestEpoch = -1;
    private int stoppedEpoch = -1;
    private INDArray bestParams;
    private Mode resolved;

    public EarlyStopping(String monitor, int patience, double minDelta, Mode mode, boolean restoreBestWeights) {
        if (patience < 0) {
            throw new IllegalArgumentException("patience must be >= 0, got " + patience);
        }
        if (minDelta < 0) {
            throw new IllegalArgumentException("minDelta must be >= 0, got " + minDelta);
        }
        this.monitor = monitor;
        this.patience = patience;
        this.minDelta = minDelta;
        this.mode = mode;
        this.restoreBestWeights = restoreBestWeights;
        reset();
    }

    /** {@code EarlyStopping(monitor='val_loss', patience=patience)}. */
    public static EarlyStopping onValLoss(int patience) {
        return new EarlyStopping(EpochLogs.VAL_LOSS, patience, 0, Mode.AUTO, false);
    }

    public static EarlyStopping of(String monitor, int patience) {
        return new EarlyStopping(monitor, patience, 0, Mode.AUTO, false);
    }

    private void reset() {
        resolved = mode.resolve(monitor);
        best = resolved.worst();
        wait = 0;
        bestEpoch = -1;
        stoppedEpoch = -1;
        bestParams = null;
    }

    @Override
    public void onTrainBegin(TrainingContext context) {
        context.requireMetric("EarlyStopping", monitor);
        reset();
    }

    @Override
    public void onEpochEnd(int epoch, EpochLogs logs, TrainingContext context) {
        if (update(epoch, logs.get(monitor))) {
            if (restoreBestWeights) {
                bestParams = context.network().params().dup();
            }
        } else if (wait >= patience && epoch > 0) {
            stoppedEpoch = epoch;
            context.stopTraining();
        }
    }

    /** The bookkeeping of one epoch; returns whether {@code value} is a new best. Exposed for tests on crafted histories. */
    boolean update(int epoch, double value) {
        wait++;
        if (resolved.improves(value, best, minDelta)) {
            best = value;
            bestEpoch = epoch;
            wait = 0;
            return true;
        }
        return false;
    }

    @Override
    public void onTrainEnd(TrainingContext context) {
        if (restoreBestWeights && bestParams != null) {
            context.network().setParams(bestParams);
        }
    }

    /** Epoch (from 0) at which training was stopped, or -1. */
    public int stoppedEpoch() {
        return stoppedEpoch;
    }

    /** Epoch (from 0) of the best monitored value, or -1. */
    public int bestEpoch() {
        return bestEpoch;
    }

    public double best() {
        return best;
    }

    /** Epochs since the last improvement. */
    public int waited() {
        return wait;
    }
}
