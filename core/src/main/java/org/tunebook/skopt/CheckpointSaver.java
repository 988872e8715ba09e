package org.tunebook.skopt;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Saves the evaluations after every call (scikit-optimize's {@code CheckpointSaver}), so that a run killed at
 * any moment can continue: pass the same file to {@code GpOptions.builder().resumeFrom(path)}.
 */
public final class CheckpointSaver implements SkoptCallback {
    private final Path file;

    public CheckpointSaver(Path file) {
        if (file == null) throw new IllegalArgumentException("CheckpointSaver needs a file path, e.g. Path.of(\"checkpoint.json\")");
        this.file = file;
    }

    public CheckpointSaver(String file) {
        this(Path.of(file));
    }

    public Path file() {
        return file;
    }

    @Override
    public boolean afterCall(OptimizeResult r) {
        List<Double> vals = new ArrayList<>();
        for (double v : r.funcVals()) vals.add(v);
        new Checkpoint(Checkpoint.specs(r.space()), r.xIters(), vals).save(file);
        return false;
    }

    @Override
    public String toString() {
        return "CheckpointSaver(" + file + ")";
    }
}
