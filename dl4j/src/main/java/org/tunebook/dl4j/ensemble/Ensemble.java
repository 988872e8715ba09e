package org.tunebook.dl4j.ensemble;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.tunebook.dl4j.data.LabeledData;
import org.tunebook.dl4j.train.Evaluation;
import org.tunebook.dl4j.train.Predict;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Seed 000's production step: average the class probabilities of several saved models and take the
 * arg-max (first class on ties, like {@code np.argmax}).
 */
public final class Ensemble {
    private final List<MultiLayerNetwork> members;
    private final List<String> names;
    private final List<String> skipped;

    private Ensemble(List<MultiLayerNetwork> members, List<String> names, List<String> skipped) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("an ensemble needs at least one model"
                    + (skipped.isEmpty() ? "" : "; none could be read: " + skipped));
        }
        this.members = List.copyOf(members);
        this.names = List.copyOf(names);
        this.skipped = List.copyOf(skipped);
    }

    /** An ensemble of networks already in memory. */
    public static Ensemble of(List<MultiLayerNetwork> networks) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < networks.size(); i++) {
            names.add("model " + i);
        }
        return new Ensemble(networks, names, List.of());
    }

    /**
     * Loads the models saved at {@code files} (e.g. by {@code ModelCheckpoint}); a file that is missing or
     * unreadable is skipped and listed in {@link #skipped()}, as the seed's {@code try: load_model} does.
     */
    public static Ensemble load(List<Path> files) {
        List<MultiLayerNetwork> nets = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                skipped.add(f + ": no such file");
                continue;
            }
            try {
                nets.add(MultiLayerNetwork.load(f.toFile(), false));
                names.add(f.getFileName().toString());
            } catch (IOException | RuntimeException e) {
                skipped.add(f + ": " + e.getMessage());
            }
        }
        return new Ensemble(nets, names, skipped);
    }

    /** Number of models. */
    public int size() {
        return members.size();
    }

    public List<MultiLayerNetwork> members() {
        return members;
    }

    /** The models' names (file names when loaded). */
    public List<String> names() {
        return names;
    }

    /** Files that could not be read, with the reason. */
    public List<String> skipped() {
        return Collections.unmodifiableList(skipped);
    }

    /** {@code np.mean([m.predict(x) for m in models], axis=0)}. */
    public float[][] probabilities(LabeledData data) {
        float[][] sum = null;
        for (MultiLayerNetwork net : members) {
            float[][] p = Predict.probabilities(net, data);
            if (sum == null) {
                sum = p;
            } else {
                for (int i = 0; i < p.length; i++) {
                    for (int j = 0; j < p[i].length; j++) {
                        sum[i][j] += p[i][j];
                    }
                }
            }
        }
        float k = members.size();
        for (float[] row : sum) {
            for (int j = 0; j < row.length; j++) {
                row[j] /= k;
            }
        }
        return sum;
    }

    /** Predicted classes from the averaged probabilities. */
    public int[] predict(LabeledData data) {
        return Predict.classes(probabilities(data));
    }

    /** Accuracy, balanced accuracy, loss and confusion matrix of the averaged probabilities. */
    public Evaluation evaluate(LabeledData data) {
        return Evaluation.of(probabilities(data), data);
    }

    @Override
    public String toString() {
        return "Ensemble of " + members.size() + " " + names + (skipped.isEmpty() ? "" : ", skipped " + skipped.size());
    }
}
