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
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.tunebook.study.Direction;
import org.tunebook.study.FrozenTrial;
import org.tunebook.study.Study;
import org.tunebook.study.TrialState;

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

    /**
     * Seed 000's {@code make_final_predictions}: the COMPLETE trials of {@code study} sorted best first, kept while
     * their value is strictly better than {@code threshold} (below it when minimizing, above when maximizing),
     * whose model loads from {@code modelFile.apply(trial)}, at most {@code maxModels} of them. Trials whose file is
     * missing or unreadable are skipped and listed in {@link #skipped()}.
     */
    public static Ensemble fromStudy(Study study, double threshold, int maxModels, Function<FrozenTrial, Path> modelFile) {
        return fromTrials(study.trials(), study.direction(), threshold, maxModels, modelFile);
    }

    /** {@link #fromStudy} on a list of trials (e.g. read from storage). */
    public static Ensemble fromTrials(List<FrozenTrial> trials, Direction direction, double threshold, int maxModels,
                                      Function<FrozenTrial, Path> modelFile) {
        if (maxModels < 1) {
            throw new IllegalArgumentException("maxModels must be >= 1, got " + maxModels);
        }
        List<FrozenTrial> ranked = new ArrayList<>();
        for (FrozenTrial t : trials) {
            if (t.state() == TrialState.COMPLETE && t.hasValue() && direction.isBetter(t.value(), threshold)) {
                ranked.add(t);
            }
        }
        Comparator<FrozenTrial> byValue = Comparator.comparingDouble(FrozenTrial::value);
        if (direction == Direction.MAXIMIZE) {
            byValue = byValue.reversed();
        }
        ranked.sort(byValue.thenComparingInt(FrozenTrial::number));
        List<MultiLayerNetwork> nets = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (FrozenTrial t : ranked) {
            if (nets.size() >= maxModels) {
                break;
            }
            Path f = modelFile.apply(t);
            try {
                if (!Files.isRegularFile(f)) {
                    throw new IOException("no such file");
                }
                nets.add(MultiLayerNetwork.load(f.toFile(), false));
                names.add("trial " + t.number());
            } catch (IOException | RuntimeException e) {
                skipped.add("trial " + t.number() + " (" + f + "): " + e.getMessage());
            }
        }
        if (nets.isEmpty()) {
            throw new IllegalArgumentException("no model for the ensemble: " + ranked.size() + " COMPLETE trials are "
                    + (direction == Direction.MINIMIZE ? "below" : "above") + " the threshold " + threshold
                    + (skipped.isEmpty() ? "; loosen the threshold" : " but none could be loaded: " + skipped));
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
