package org.tunebook.dl4j.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Keras {@code History}: the logs of every finished epoch, plus how long each took. */
public final class History {
    private final List<EpochLogs> epochs = new ArrayList<>();
    private final List<Double> seconds = new ArrayList<>();
    private boolean stoppedEarly;

    void add(EpochLogs logs, double epochSeconds) {
        epochs.add(logs);
        seconds.add(epochSeconds);
    }

    void markStoppedEarly() {
        stoppedEarly = true;
    }

    /** Number of epochs run. */
    public int epochs() {
        return epochs.size();
    }

    /** The logs of epoch {@code i} (from 0). */
    public EpochLogs epoch(int i) {
        return epochs.get(i);
    }

    public List<EpochLogs> all() {
        return Collections.unmodifiableList(epochs);
    }

    /** Metric names in order of first appearance. */
    public Set<String> keys() {
        Set<String> keys = new LinkedHashSet<>();
        for (EpochLogs e : epochs) {
            keys.addAll(e.asMap().keySet());
        }
        return keys;
    }

    /** {@code history.history['val_loss']}: one value per epoch. */
    public double[] get(String key) {
        double[] out = new double[epochs.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = epochs.get(i).get(key);
        }
        return out;
    }

    /** {@code np.min(h.history[key])}. */
    public double min(String key) {
        double m = Double.POSITIVE_INFINITY;
        for (double v : get(key)) {
            m = Math.min(m, v);
        }
        return m;
    }

    public double max(String key) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : get(key)) {
            m = Math.max(m, v);
        }
        return m;
    }

    /** The value of the last epoch, e.g. {@code history.history['val_accuracy'][-1]}. */
    public double last(String key) {
        if (epochs.isEmpty()) {
            throw new IllegalStateException("no epoch has finished yet");
        }
        return epochs.get(epochs.size() - 1).get(key);
    }

    /** Wall-clock seconds of each epoch (training plus validation). */
    public double[] epochSeconds() {
        return seconds.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Whether a callback stopped training before the requested number of epochs. */
    public boolean stoppedEarly() {
        return stoppedEarly;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("epoch");
        List<String> keys = new ArrayList<>(keys());
        for (String k : keys) {
            sb.append('\t').append(k);
        }
        sb.append('\n');
        for (int i = 0; i < epochs.size(); i++) {
            sb.append(i);
            for (String k : keys) {
                EpochLogs e = epochs.get(i);
                sb.append('\t').append(e.has(k) ? String.format(Locale.ROOT, "%.4g", e.get(k)) : "");
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
