package org.tunebook.dl4j.train;

import org.deeplearning4j.util.ModelSerializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Keras {@code ModelCheckpoint}: saves the network (with its updater state, DL4J zip format) to {@code file}
 * after every epoch, or with {@code saveBestOnly} only when {@code monitor} improved. Load it back with
 * {@code MultiLayerNetwork.load(file.toFile(), true)}.
 */
public final class ModelCheckpoint implements Callback {
    private final Path file;
    private final String monitor;
    private final boolean saveBestOnly;
    private final Mode mode;
    private Mode resolved;
    private double best;
    private int saves;
    private int lastSavedEpoch = -1;

    public ModelCheckpoint(Path file, String monitor, boolean saveBestOnly, Mode mode) {
        this.file = file;
        this.monitor = monitor;
        this.saveBestOnly = saveBestOnly;
        this.mode = mode;
        this.resolved = mode.resolve(monitor);
        this.best = resolved.worst();
    }

    /** {@code ModelCheckpoint(filepath, monitor='val_loss', save_best_only=True)} as in seed 000. */
    public static ModelCheckpoint bestOnly(Path file) {
        return new ModelCheckpoint(file, EpochLogs.VAL_LOSS, true, Mode.AUTO);
    }

    @Override
    public void onTrainBegin(TrainingContext context) {
        if (saveBestOnly) {
            context.requireMetric("ModelCheckpoint", monitor);
        }
        resolved = mode.resolve(monitor);
        best = resolved.worst();
    }

    @Override
    public void onEpochEnd(int epoch, EpochLogs logs, TrainingContext context) {
        if (saveBestOnly) {
            double v = logs.get(monitor);
            if (!resolved.improves(v, best, 0)) {
                return;
            }
            best = v;
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path tmp = Files.createTempFile(parent, file.getFileName().toString(), ".part");
            try {
                ModelSerializer.writeModel(context.network(), tmp.toFile(), true);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("ModelCheckpoint cannot write " + file + ": " + e.getMessage()
                    + " (check that the folder is writable)", e);
        }
        saves++;
        lastSavedEpoch = epoch;
    }

    public Path file() {
        return file;
    }

    /** How many times the model was written. */
    public int saves() {
        return saves;
    }

    /** The epoch (from 0) of the saved model, or -1. */
    public int lastSavedEpoch() {
        return lastSavedEpoch;
    }

    /** The best monitored value seen (the saved model's, with saveBestOnly). */
    public double best() {
        return best;
    }
}
