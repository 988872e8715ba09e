package org.tunebook.dl4j.classical;

import org.tunebook.dl4j.data.LabeledData;
import org.tunebook.dl4j.train.Evaluation;

/** A scikit-learn-like classifier: {@code fit}, then {@code predict} or {@code accuracy}. */
public interface Classifier {
    /** Trains on {@code train} and returns this classifier. */
    Classifier fit(LabeledData train);

    /** Predicted class of every row; {@link #fit} must have been called. */
    int[] predict(LabeledData data);

    /** {@code accuracy_score(y, model.predict(X))}. */
    default double accuracy(LabeledData data) {
        return Evaluation.accuracy(data.labels(), predict(data));
    }

    /** Accuracy, balanced accuracy and confusion matrix. */
    default Evaluation evaluate(LabeledData data) {
        return Evaluation.ofClasses(predict(data), data);
    }

    /** A short description with the hyperparameters, e.g. {@code svm(kernel=rbf, C=6.7, gamma=scale)}. */
    String describe();
}
