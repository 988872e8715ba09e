package org.tunebook.dl4j.train;

/**
 * Called by {@link Fit} like a Keras callback: once before the first epoch and after every epoch, in the
 * order the callbacks were given. Epochs are numbered from 0, as in Keras.
 */
public interface Callback {
    /** Before the first epoch; throw {@link IllegalArgumentException} when the fit cannot serve this callback. */
    default void onTrainBegin(TrainingContext context) {
    }

    /** After epoch {@code epoch}; {@code logs} holds loss, accuracy, and val_loss, val_accuracy when validating. */
    void onEpochEnd(int epoch, EpochLogs logs, TrainingContext context);

    /** After the last epoch (also after an early stop). */
    default void onTrainEnd(TrainingContext context) {
    }
}
