package org.tunebook.dl4j.train;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.tunebook.dl4j.data.LabeledData;

/** Class probabilities and predicted classes, computed in batches (inference mode: no dropout). */
public final class Predict {
    /** Rows per forward pass. */
    public static final int BATCH = 1000;

    private Predict() {
    }

    /** {@code model.predict(x)}: a {@code [n, classes]} matrix of probabilities. */
    public static float[][] probabilities(MultiLayerNetwork net, LabeledData data) {
        float[][] out = new float[data.size()][];
        for (int from = 0; from < data.size(); from += BATCH) {
            int to = Math.min(data.size(), from + BATCH);
            INDArray features = data.batch(from, to).getFeatures();
            INDArray p = net.output(features, false);
            float[][] rows = p.toFloatMatrix();
            System.arraycopy(rows, 0, out, from, rows.length);
        }
        return out;
    }

    /** Arg-max of each row (first occurrence on ties, like {@code np.argmax}). */
    public static int[] classes(float[][] probabilities) {
        int[] out = new int[probabilities.length];
        for (int i = 0; i < out.length; i++) {
            float[] row = probabilities[i];
            int best = 0;
            for (int j = 1; j < row.length; j++) {
                if (row[j] > row[best]) {
                    best = j;
                }
            }
            out[i] = best;
        }
        return out;
    }

    /** Predicted classes of {@code data}. */
    public static int[] classes(MultiLayerNetwork net, LabeledData data) {
        return classes(probabilities(net, data));
    }

    /** Mean categorical cross-entropy of the probabilities, clipped at 1e-7 like Keras. */
    public static double crossEntropy(float[][] probabilities, int[] labels) {
        double sum = 0;
        for (int i = 0; i < labels.length; i++) {
            double p = Math.min(1 - 1e-7, Math.max(1e-7, probabilities[i][labels[i]]));
            sum -= Math.log(p);
        }
        return sum / labels.length;
    }

}
