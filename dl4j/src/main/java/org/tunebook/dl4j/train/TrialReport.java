package org.tunebook.dl4j.train;

import org.tunebook.study.Trial;
import org.tunebook.study.TrialPruned;

import java.util.Locale;

/**
 * Reports one metric of every epoch to a Tunebook trial as its intermediate value (step = epoch, from 0)
 * and stops the fit by throwing {@link TrialPruned} when the study's pruner says so: Optuna's
 * {@code KerasPruningCallback}. Use it last, after a checkpoint callback, so a pruned trial's best model
 * is still saved.
 */
public final class TrialReport implements Callback {
    private final Trial trial;
    private final String monitor;

    /**
     * @param monitor the metric reported, e.g. "val_loss"; null means val_loss when the fit validates,
     *                else loss
     */
    public TrialReport(Trial trial, String monitor) {
        if (trial == null) {
            throw new IllegalArgumentException("trial is null: pass the Trial your objective received");
        }
        this.trial = trial;
        this.monitor = monitor;
    }

    /** Reports val_loss (or loss without validation). */
    public static TrialReport of(Trial trial) {
        return new TrialReport(trial, null);
    }

    public static TrialReport of(Trial trial, String monitor) {
        return new TrialReport(trial, monitor);
    }

    private String metric(TrainingContext context) {
        return monitor != null ? monitor : context.hasValidation() ? EpochLogs.VAL_LOSS : EpochLogs.LOSS;
    }

    @Override
    public void onTrainBegin(TrainingContext context) {
        context.requireMetric("TrialReport", metric(context));
    }

    @Override
    public void onEpochEnd(int epoch, EpochLogs logs, TrainingContext context) {
        String key = metric(context);
        double value = logs.get(key);
        trial.report(value, epoch);
        if (trial.shouldPrune()) {
            throw new TrialPruned(String.format(Locale.ROOT, "trial %d pruned after epoch %d (%s = %.5g)",
                    trial.number(), epoch, key, value));
        }
    }
}
