package org.tunebook.dl4j.train;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/** What a callback may see and change during {@link Fit#run}. */
public final class TrainingContext {
    private final MultiLayerNetwork network;
    private final History history;
    private final boolean hasValidation;
    private double learningRate;
    private boolean stopRequested;

    TrainingContext(MultiLayerNetwork network, History history, boolean hasValidation) {
        this.network = network;
        this.history = history;
        this.hasValidation = hasValidation;
        this.learningRate = initialLearningRate(network);
    }

    public MultiLayerNetwork network() {
        return network;
    }

    /** The epochs finished so far. */
    public History history() {
        return history;
    }

    /** Whether the fit measures val_loss and val_accuracy. */
    public boolean hasValidation() {
        return hasValidation;
    }

    /** The current learning rate of every layer (NaN when the updater has none). */
    public double learningRate() {
        return learningRate;
    }

    /** Sets the learning rate of every layer (kept for the following epochs). */
    public void setLearningRate(double lr) {
        if (!(lr > 0)) {
            throw new IllegalArgumentException("learning rate must be positive, got " + lr);
        }
        network.setLearningRate(lr);
        learningRate = lr;
    }

    /** Stops training after the current epoch (Keras {@code model.stop_training = True}). */
    public void stopTraining() {
        stopRequested = true;
    }

    public boolean stopRequested() {
        return stopRequested;
    }

    /** Throws a clear error when {@code monitor} will not be in the logs of this fit. */
    public void requireMetric(String who, String monitor) {
        boolean known = monitor.equals(EpochLogs.LOSS) || monitor.equals(EpochLogs.ACCURACY) || monitor.equals(EpochLogs.LR)
                || (hasValidation && (monitor.equals(EpochLogs.VAL_LOSS) || monitor.equals(EpochLogs.VAL_ACCURACY)));
        if (!known) {
            String fix = monitor.startsWith("val_") && !hasValidation
                    ? "give the fit validation data with validationSplit(0.25) or validationData(...), or monitor \"loss\""
                    : "monitor one of loss, accuracy" + (hasValidation ? ", val_loss, val_accuracy" : "");
            throw new IllegalArgumentException(who + " monitors '" + monitor + "', which this fit does not measure: " + fix);
        }
    }

    private static double initialLearningRate(MultiLayerNetwork net) {
        for (int i = 0; i < net.getnLayers(); i++) {
            Double lr = net.getLearningRate(i);
            if (lr != null && !lr.isNaN()) {
                return lr;
            }
        }
        return Double.NaN;
    }
}
