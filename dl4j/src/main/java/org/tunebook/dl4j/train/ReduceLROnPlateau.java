package org.tunebook.dl4j.train;

/**
 * Keras {@code ReduceLROnPlateau}: when {@code monitor} has not improved by more than {@code minDelta}
 * (default 1e-4) for {@code patience} epochs, multiplies the learning rate by {@code factor}, never going
 * below {@code minLr}; then waits {@code cooldown} epochs before counting again.
 */
public final class ReduceLROnPlateau implements Callback {
    private final String monitor;
    private final double factor;
    private final int patience;
    private final double minLr;
    private final double minDelta;
    private final int cooldown;
    private final Mode mode;
    private Mode resolved;
    private double best;
    private int wait;
    private int cooldownCounter;
    private int reductions;

    public ReduceLROnPlateau(String monitor, double factor, int patience, double minLr, double minDelta, int cooldown,
                             Mode mode) {
        if (!(factor > 0 && factor < 1)) {
            throw new IllegalArgumentException("factor must be in (0, 1), got " + factor + " (Keras default 0.1)");
        }
        if (patience < 0 || cooldown < 0) {
            throw new IllegalArgumentException("patience and cooldown must be >= 0, got " + patience + " and " + cooldown);
        }
        if (minLr < 0) {
            throw new IllegalArgumentException("minLr must be >= 0, got " + minLr);
        }
        this.monitor = monitor;
        this.factor = factor;
        this.patience = patience;
        this.minLr = minLr;
        this.minDelta = minDelta;
        this.cooldown = cooldown;
        this.mode = mode;
        reset();
    }

    /** {@code ReduceLROnPlateau(monitor='val_loss', factor, patience, min_lr)} as in seed 000. */
    public static ReduceLROnPlateau onValLoss(double factor, int patience, double minLr) {
        return new ReduceLROnPlateau(EpochLogs.VAL_LOSS, factor, patience, minLr, 1e-4, 0, Mode.AUTO);
    }

    private void reset() {
        resolved = mode.resolve(monitor);
        best = resolved.worst();
        wait = 0;
        cooldownCounter = 0;
        reductions = 0;
    }

    @Override
    public void onTrainBegin(TrainingContext context) {
        context.requireMetric("ReduceLROnPlateau", monitor);
        reset();
    }

    @Override
    public void onEpochEnd(int epoch, EpochLogs logs, TrainingContext context) {
        double newLr = step(logs.get(monitor), context.learningRate());
        if (newLr != context.learningRate()) {
            context.setLearningRate(newLr);
        }
    }

    /**
     * The bookkeeping of one epoch: returns the learning rate to use next given the monitored {@code value}
     * and the current rate. Exposed for tests on crafted histories.
     */
    double step(double value, double lr) {
        if (cooldownCounter > 0) {
            cooldownCounter--;
            wait = 0;
        }
        if (resolved.improves(value, best, minDelta)) {
            best = value;
            wait = 0;
            return lr;
        }
        if (cooldownCounter > 0) {
            return lr;
        }
        wait++;
        if (wait >= patience) {
            if ((float) lr > (float) minLr) { // Keras keeps the rate in float32
                wait = 0;
                cooldownCounter = cooldown;
                double newLr = Math.max(lr * factor, minLr);
                if (newLr < lr) {
                    reductions++;
                }
                return newLr;
            }
        }
        return lr;
    }

    /** How many times the rate was reduced. */
    public int reductions() {
        return reductions;
    }
}
