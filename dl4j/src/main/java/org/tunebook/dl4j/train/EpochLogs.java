package org.tunebook.dl4j.train;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The metrics of one epoch: {@code loss, accuracy, val_loss, val_accuracy, lr} (the ones measured). */
public final class EpochLogs {
    public static final String LOSS = "loss";
    public static final String ACCURACY = "accuracy";
    public static final String VAL_LOSS = "val_loss";
    public static final String VAL_ACCURACY = "val_accuracy";
    public static final String LR = "lr";

    private final Map<String, Double> values = new LinkedHashMap<>();

    public EpochLogs() {
    }

    public EpochLogs(Map<String, Double> values) {
        this.values.putAll(values);
    }

    public EpochLogs put(String key, double value) {
        values.put(key, value);
        return this;
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    /** The value of {@code key}; throws, naming the available keys, when it was not measured. */
    public double get(String key) {
        Double v = values.get(key);
        if (v == null) {
            throw new IllegalArgumentException("metric '" + key + "' was not measured; available: " + values.keySet());
        }
        return v;
    }

    public Map<String, Double> asMap() {
        return Collections.unmodifiableMap(values);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        values.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : " - ").append(k).append(": ")
                .append(String.format(java.util.Locale.ROOT, "%.4g", v)));
        return sb.toString();
    }
}
