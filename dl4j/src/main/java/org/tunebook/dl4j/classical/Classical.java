package org.tunebook.dl4j.classical;

import org.tribuo.classification.Label;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.dtree.impurity.GiniIndex;
import org.tribuo.classification.liblinear.LibLinearClassificationTrainer;
import org.tribuo.classification.liblinear.LinearClassificationType;
import org.tribuo.classification.libsvm.LibSVMClassificationTrainer;
import org.tribuo.classification.libsvm.SVMClassificationType;
import org.tribuo.common.libsvm.KernelType;
import org.tribuo.common.libsvm.SVMParameters;
import org.tunebook.dl4j.data.LabeledData;
import org.tunebook.dl4j.model.Params;

import java.util.Locale;
import java.util.Map;

/**
 * The classical models of seed 001 (Optuna on the 8x8 digits), on Tribuo 4.3.2 (Apache-2.0, Oracle Labs,
 * maintained, pure Java on Maven Central; its LibSVM and LibLinear are the libraries scikit-learn's SVC and
 * liblinear solver wrap). Smile was not used: GPL-3 / commercial, and its JavaCPP clashes with DL4J's.
 *
 * <ul>
 *   <li>{@link #logisticRegression}: LibLinear L2R_LR or L1R_LR with cost C (scikit-learn's C). One-vs-rest,
 *       where scikit-learn's default lbfgs solver is multinomial.</li>
 *   <li>{@link #decisionTree}: Tribuo CART with Gini impurity. Tribuo has one size knob, the smallest node
 *       that may still be split; it is set to {@code max(min_samples_split, 2 * min_samples_leaf)}, the
 *       smallest node scikit-learn could split. scikit-learn also refuses splits leaving fewer than
 *       {@code min_samples_leaf} rows in a child; Tribuo cannot express that, so trees may have smaller leaves.</li>
 *   <li>{@link #svm}: LibSVM C-SVC, kernel linear / poly / rbf / sigmoid, with scikit-learn's defaults
 *       gamma = "scale" = 1 / (features * variance of X), coef0 = 0, degree 3.</li>
 * </ul>
 */
public final class Classical {
    private Classical() {
    }

    /** {@code LogisticRegression(penalty=penalty, C=c)}; penalty "l1" or "l2". */
    public static Classifier logisticRegression(String penalty, double c) {
        requirePositive("C (logistic-regularization)", c);
        LinearClassificationType.LinearType type = switch (penalty.trim().toLowerCase(Locale.ROOT)) {
            case "l2" -> LinearClassificationType.LinearType.L2R_LR;
            case "l1" -> LinearClassificationType.LinearType.L1R_LR;
            default -> throw new IllegalArgumentException("penalty must be \"l1\" or \"l2\", got \"" + penalty + "\"");
        };
        return new TribuoClassifier(String.format(Locale.ROOT, "logistic-regression(penalty=%s, C=%.4g)", penalty, c),
                data -> new LibLinearClassificationTrainer(new LinearClassificationType(type), c, 1000, 0.01));
    }

    /** {@code DecisionTreeClassifier(max_depth, min_samples_split, min_samples_leaf)}; see the class comment. */
    public static Classifier decisionTree(int maxDepth, int minSamplesSplit, int minSamplesLeaf) {
        if (maxDepth < 1) {
            throw new IllegalArgumentException("max_depth must be >= 1, got " + maxDepth);
        }
        if (minSamplesSplit < 2) {
            throw new IllegalArgumentException("min_samples_split must be >= 2, got " + minSamplesSplit);
        }
        if (minSamplesLeaf < 1) {
            throw new IllegalArgumentException("min_samples_leaf must be >= 1, got " + minSamplesLeaf);
        }
        float minNode = Math.max(minSamplesSplit, 2 * minSamplesLeaf);
        return new TribuoClassifier(String.format(Locale.ROOT,
                "decision-tree(max_depth=%d, min_samples_split=%d, min_samples_leaf=%d)", maxDepth, minSamplesSplit,
                minSamplesLeaf),
                data -> new CARTClassificationTrainer(maxDepth, minNode, 0.0f, 1.0f, false, new GiniIndex(), 1L));
    }

    /** {@code SVC(kernel=kernel, C=c, degree=degree)} with gamma "scale"; kernel linear, poly, rbf or sigmoid. */
    public static Classifier svm(String kernel, double c, int degree) {
        requirePositive("C (svm-regularization)", c);
        if (degree < 0) {
            throw new IllegalArgumentException("degree must be >= 0, got " + degree);
        }
        KernelType type = switch (kernel.trim().toLowerCase(Locale.ROOT)) {
            case "linear" -> KernelType.LINEAR;
            case "poly" -> KernelType.POLY;
            case "rbf" -> KernelType.RBF;
            case "sigmoid" -> KernelType.SIGMOID;
            default -> throw new IllegalArgumentException("kernel must be linear, poly, rbf or sigmoid, got \"" + kernel + "\"");
        };
        return new TribuoClassifier(String.format(Locale.ROOT, "svm(kernel=%s, C=%.4g, degree=%d, gamma=scale)",
                kernel, c, degree), data -> {
            SVMParameters<Label> params = new SVMParameters<>(
                    new SVMClassificationType(SVMClassificationType.SVMMode.C_SVC), type);
            params.setCost(c);
            params.setDegree(degree);
            params.setGamma(scaleGamma(data));
            params.setCoeff(0.0);
            params.setEpsilon(1e-3);
            params.setCacheSize(200);
            return new LibSVMClassificationTrainer(params, 1L);
        });
    }

    /**
     * From seed 001's parameter names: {@code model_type} = "logistic-regression" ({@code penalty},
     * {@code logistic-regularization}), "decision-tree" ({@code max_depth, min_samples_split, min_samples_leaf})
     * or "svm" ({@code kernel, svm-regularization, degree}).
     */
    public static Classifier fromParams(Map<String, ?> params) {
        String type = Params.getString(params, "model_type");
        return switch (type) {
            case "logistic-regression" -> logisticRegression(Params.getString(params, "penalty"),
                    Params.getDouble(params, "logistic-regularization"));
            case "decision-tree" -> decisionTree(Params.getInt(params, "max_depth"),
                    Params.getInt(params, "min_samples_split"), Params.getInt(params, "min_samples_leaf"));
            case "svm" -> svm(Params.getString(params, "kernel"), Params.getDouble(params, "svm-regularization"),
                    (int) Math.round(Params.getDouble(params, "degree", 3)));
            default -> throw new IllegalArgumentException("model_type must be logistic-regression, decision-tree or svm, got \""
                    + type + "\"");
        };
    }

    /** scikit-learn's gamma="scale": 1 / (n_features * X.var()), 1.0 when the variance is 0. */
    public static double scaleGamma(LabeledData data) {
        double sum = 0;
        double sumSq = 0;
        long n = (long) data.size() * data.features();
        for (int i = 0; i < data.size(); i++) {
            for (float v : data.row(i)) {
                sum += v;
                sumSq += (double) v * v;
            }
        }
        double mean = sum / n;
        double var = sumSq / n - mean * mean;
        return var > 0 ? 1.0 / (data.features() * var) : 1.0;
    }

    private static void requirePositive(String name, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " must be a positive number, got " + v);
        }
    }
}
