import java.lang.management.ManagementFactory;

import org.tunebook.dl4j.classical.Classical;
import org.tunebook.dl4j.classical.Classifier;
import org.tunebook.dl4j.data.Digits;
import org.tunebook.dl4j.data.LabeledData;
import org.tunebook.dl4j.data.Split;
import org.tunebook.study.Study;
import org.tunebook.study.Trial;
import org.tunebook.study.TrialPruned;

/**
 * The second worker of notebook 001 ("open another terminal and run the script"): the notebook's digits objective,
 * run against the same stored study as the notebook, in its own JVM. Both processes ask the study's storage for
 * the trials so far before each new trial, so the TPE sampler of each sees the other's results.
 *
 * <pre>
 *   cd notebooks
 *   java -cp "target/lib/*" workers/DigitsWorker.java sqlite:studies/001-quick/starter.db starter-experiment 20
 * </pre>
 * Arguments: storage URL, study name (created if missing, maximized), number of trials, optional seed.
 */
public class DigitsWorker {
    static LabeledData xTrain;
    static LabeledData xVal;

    public static void main(String[] args) {
        if (args.length < 3) {
            System.err.println("usage: java -cp \"target/lib/*\" workers/DigitsWorker.java STORAGE_URL STUDY_NAME N_TRIALS [SEED]"
                    + " (e.g. sqlite:studies/001-quick/starter.db starter-experiment 20)");
            System.exit(2);
        }
        String storage = args[0];
        String name = args[1];
        int nTrials;
        try {
            nTrials = Integer.parseInt(args[2]);
        } catch (NumberFormatException e) {
            System.err.println("N_TRIALS must be a whole number, got '" + args[2] + "'");
            System.exit(2);
            return;
        }
        // the notebook's split: 80/20, stratified, seed 42, raw 0..16 pixel values as load_digits() gives
        Split split = Digits.load(false).split(0.2, 42);
        xTrain = split.train();
        xVal = split.validation();
        String worker = "process " + ManagementFactory.getRuntimeMXBean().getPid();
        Study study = Study.builder(name).maximize().storage(storage).loadIfExists().create();
        study.optimize(trial -> {
            trial.setUserAttr("worker", worker);
            Classifier model = createModel(trial);
            model.fit(xTrain);
            return modelPerformance(model);
        }, nTrials);
        System.out.println(worker + " finished " + nTrials + " trials; the study now has " + study.describeCounts()
                + "; best value " + study.bestValue());
    }

    /** The notebook's create_model: the conditional model_type space of the tutorial. */
    static Classifier createModel(Trial trial) {
        String modelType = trial.suggestCategorical("model_type", "logistic-regression", "decision-tree", "svm");
        Classifier model = null;
        if (modelType.equals("svm")) {
            String kernel = trial.suggestCategorical("kernel", "linear", "poly", "rbf", "sigmoid");
            double regularization = trial.suggestFloat("svm-regularization", 0.01, 10);
            double degree = trial.suggestDiscreteUniform("degree", 1, 5, 1);
            model = Classical.svm(kernel, regularization, (int) degree);
        }
        if (modelType.equals("logistic-regression")) {
            String penalty = trial.suggestCategorical("penalty", "l2", "l1");
            double regularization = trial.suggestFloat("logistic-regularization", 0.01, 10);
            model = Classical.logisticRegression(penalty, regularization);
        }
        if (modelType.equals("decision-tree")) {
            int maxDepth = trial.suggestInt("max_depth", 5, xTrain.features());
            int minSamplesSplit = trial.suggestInt("min_samples_split", 2, 20);
            int minSamplesLeaf = trial.suggestInt("min_samples_leaf", 2, 20);
            model = Classical.decisionTree(maxDepth, minSamplesSplit, minSamplesLeaf);
        }
        if (trial.shouldPrune()) {
            throw new TrialPruned("pruned before training");
        }
        return model;
    }

    /** Accuracy on the validation rows, rounded to 3 decimals as the tutorial's model_performance. */
    static double modelPerformance(Classifier model) {
        return Math.round(model.accuracy(xVal) * 1000) / 1000.0;
    }
}
