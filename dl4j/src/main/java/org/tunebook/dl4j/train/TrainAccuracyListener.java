package org.tunebook.dl4j.train;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;

/**
 * Counts correct predictions of the training forward pass (dropout active, weights before the update),
 * which is what Keras reports as {@code accuracy}. DL4J's forward pass stops before the output layer, so the
 * output layer's logits are recomputed from its input: one small matrix product per batch.
 */
final class TrainAccuracyListener extends BaseTrainingListener {
    private int[] batchLabels;
    private long correct;
    private long seen;
    private boolean unavailable;

    void beginBatch(int[] labels) {
        this.batchLabels = labels;
    }

    void resetEpoch() {
        correct = 0;
        seen = 0;
    }

    /** Accuracy of the epoch so far, or NaN when the network's output layer cannot be read this way. */
    double accuracy() {
        return unavailable || seen == 0 ? Double.NaN : (double) correct / seen;
    }

    @Override
    public void onForwardPass(Model model, List<INDArray> activations) {
        if (unavailable || batchLabels == null || !(model instanceof MultiLayerNetwork net)) {
            return;
        }
        int last = net.getnLayers() - 1;
        if (net.getLayerWiseConfigurations().getInputPreProcess(last) != null) {
            unavailable = true;
            return;
        }
        INDArray w = net.getLayer(last).getParam("W");
        INDArray b = net.getLayer(last).getParam("b");
        INDArray input = activations.get(activations.size() - 1);
        if (w == null || b == null || input.rank() != 2 || input.size(0) != batchLabels.length) {
            unavailable = true;
            return;
        }
        try (MemoryWorkspace ignored = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
            INDArray logits = input.mmul(w).addiRowVector(b);
            long[] predicted = logits.argMax(1).toLongVector();
            for (int i = 0; i < predicted.length; i++) {
                if (predicted[i] == batchLabels[i]) {
                    correct++;
                }
            }
            seen += predicted.length;
        }
    }
}
