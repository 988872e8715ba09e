package org.tunebook.dl4j.train;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.tunebook.dl4j.data.LabeledData;

import java.util.List;
import java.util.Locale;

/**
 * Accuracy, balanced accuracy (mean recall over the classes present, as scikit-learn's
 * {@code balanced_accuracy_score}), cross-entropy loss and the confusion matrix (rows: true class,
 * columns: predicted class, as scikit-learn's {@code confusion_matrix}).
 */
public record Evaluation(double loss, double accuracy, double balancedAccuracy, int[][] confusion,
                         List<String> classNames) {

    /** Evaluates {@code net} on {@code data} in inference mode. */
    public static Evaluation of(MultiLayerNetwork net, LabeledData data) {
        return of(Predict.probabilities(net, data), data);
    }

    /** From class probabilities (e.g. an ensemble's averaged ones). */
    public static Evaluation of(float[][] probabilities, LabeledData data) {
        int[] labels = data.labels();
        int[] predicted = Predict.classes(probabilities);
        int[][] cm = confusionMatrix(labels, predicted, data.numClasses());
        return new Evaluation(Predict.crossEntropy(probabilities, labels), accuracy(labels, predicted),
                balancedAccuracy(cm), cm, data.classNames());
    }

    /** From predicted classes only (loss is NaN), e.g. for classical models. */
    public static Evaluation ofClasses(int[] predicted, LabeledData data) {
        int[] labels = data.labels();
        int[][] cm = confusionMatrix(labels, predicted, data.numClasses());
        return new Evaluation(Double.NaN, accuracy(labels, predicted), balancedAccuracy(cm), cm, data.classNames());
    }

    public static double accuracy(int[] labels, int[] predicted) {
        if (labels.length != predicted.length || labels.length == 0) {
            throw new IllegalArgumentException("need as many predictions as labels (got " + predicted.length
                    + " and " + labels.length + "), and at least one");
        }
        int ok = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == predicted[i]) {
                ok++;
            }
        }
        return (double) ok / labels.length;
    }

    public static int[][] confusionMatrix(int[] labels, int[] predicted, int classes) {
        if (labels.length != predicted.length) {
            throw new IllegalArgumentException("need as many predictions as labels, got " + predicted.length
                    + " and " + labels.length);
        }
        int[][] cm = new int[classes][classes];
        for (int i = 0; i < labels.length; i++) {
            cm[labels[i]][predicted[i]]++;
        }
        return cm;
    }

    /** Mean over the classes that occur in the true labels of recall = diagonal / row sum. */
    public static double balancedAccuracy(int[][] confusion) {
        double sum = 0;
        int present = 0;
        for (int c = 0; c < confusion.length; c++) {
            int row = 0;
            for (int v : confusion[c]) {
                row += v;
            }
            if (row > 0) {
                sum += (double) confusion[c][c] / row;
                present++;
            }
        }
        return present == 0 ? Double.NaN : sum / present;
    }

    public static double balancedAccuracy(int[] labels, int[] predicted, int classes) {
        return balancedAccuracy(confusionMatrix(labels, predicted, classes));
    }

    /** The confusion matrix as aligned text. */
    public String confusionTable() {
        StringBuilder sb = new StringBuilder("true\\pred");
        for (int c = 0; c < confusion.length; c++) {
            sb.append(String.format(Locale.ROOT, "%6d", c));
        }
        sb.append('\n');
        for (int r = 0; r < confusion.length; r++) {
            sb.append(String.format(Locale.ROOT, "%9d", r));
            for (int v : confusion[r]) {
                sb.append(String.format(Locale.ROOT, "%6d", v));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "accuracy %.4f, balanced accuracy %.4f, loss %.4f", accuracy,
                balancedAccuracy, loss);
    }
}
