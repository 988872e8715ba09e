package org.tunebook.dl4j.model;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.util.Map;

/**
 * The CNN of seed 000 (Optuna + Keras on MNIST), block for block:
 * <pre>
 *   [BatchNorm, ReLU, Conv(filters, kernel, same), Dropout]                      first block, no pooling
 *   [BatchNorm, ReLU, Conv(filters, kernel, same), MaxPool 2x2, Dropout] x (blocks - 1)
 *   Flatten, Dense(denseNodes, relu), Dropout, Dense(denseNodes / divisor, relu), Dense(classes, softmax)
 * </pre>
 * Adam with learning rate 0.00025 (the seed's value) unless set. {@code dropOut} is the Keras rate (the
 * fraction dropped); BatchNorm uses Keras's momentum 0.99 and epsilon 1e-3. Input is flat
 * ({@code height*width*channels} per row), reshaped inside the network.
 */
public record BlocksCnn(int numCnnBlocks, int numFilters, int kernelSize, int numDenseNodes, int denseNodesDivisor,
                        double dropOut, double learningRate, int height, int width, int channels, int classes,
                        long seed) implements ModelSpec {
    /** The seed's Adam learning rate. */
    public static final double SEED_LEARNING_RATE = 0.00025;

    public BlocksCnn {
        check(numCnnBlocks >= 1, "num_cnn_blocks must be >= 1, got " + numCnnBlocks);
        check(numFilters >= 1, "num_filters must be >= 1, got " + numFilters);
        check(kernelSize >= 1, "kernel_size must be >= 1, got " + kernelSize);
        check(numDenseNodes >= 1, "num_dense_nodes must be >= 1, got " + numDenseNodes);
        check(denseNodesDivisor >= 1 && numDenseNodes / denseNodesDivisor >= 1,
                "dense_nodes_divisor must be in [1, num_dense_nodes], got " + denseNodesDivisor);
        check(dropOut >= 0 && dropOut < 1, "drop_out (fraction dropped) must be in [0, 1), got " + dropOut);
        check(learningRate > 0, "learning rate must be positive, got " + learningRate);
        int side = Math.min(height, width);
        for (int b = 1; b < numCnnBlocks; b++) {
            side /= 2;
        }
        check(side >= 1, numCnnBlocks + " blocks pool a " + height + "x" + width + " image below 1x1: use fewer blocks");
    }

    /** MNIST-shaped (28x28x1, 10 classes) from the seed's parameter names: {@code num_cnn_blocks, num_filters,
     * kernel_size, num_dense_nodes, dense_nodes_divisor, drop_out}, and optionally {@code learning_rate}. */
    public static BlocksCnn fromParams(Map<String, ?> params, long seed) {
        return fromParams(params, 28, 28, 1, 10, seed);
    }

    public static BlocksCnn fromParams(Map<String, ?> params, int height, int width, int channels, int classes, long seed) {
        return new BlocksCnn(Params.getInt(params, "num_cnn_blocks"), Params.getInt(params, "num_filters"),
                Params.getInt(params, "kernel_size"), Params.getInt(params, "num_dense_nodes"),
                Params.getInt(params, "dense_nodes_divisor"), Params.getDouble(params, "drop_out"),
                Params.getDouble(params, "learning_rate", SEED_LEARNING_RATE), height, width, channels, classes, seed);
    }

    @Override
    public MultiLayerNetwork build() {
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                .seed(ModelSpec.dl4jSeed(seed))
                .updater(Optimizer.adam(learningRate).toUpdater())
                .weightInit(WeightInit.XAVIER_UNIFORM)
                .biasInit(0)
                .convolutionMode(ConvolutionMode.Same)
                .list();
        for (int b = 0; b < numCnnBlocks; b++) {
            list.layer(new BatchNormalization.Builder().decay(0.99).eps(1e-3).build());
            list.layer(new ActivationLayer.Builder().activation(Activation.RELU).build());
            list.layer(new ConvolutionLayer.Builder(kernelSize, kernelSize).stride(1, 1).nOut(numFilters)
                    .convolutionMode(ConvolutionMode.Same).activation(Activation.IDENTITY).build());
            if (b > 0) {
                list.layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2)
                        .stride(2, 2).convolutionMode(ConvolutionMode.Truncate).build());
            }
            list.layer(new DropoutLayer.Builder(1.0 - dropOut).build());
        }
        list.layer(new DenseLayer.Builder().nOut(numDenseNodes).activation(Activation.RELU).build());
        list.layer(new DropoutLayer.Builder(1.0 - dropOut).build());
        list.layer(new DenseLayer.Builder().nOut(numDenseNodes / denseNodesDivisor).activation(Activation.RELU).build());
        list.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(classes)
                .activation(Activation.SOFTMAX).build());
        list.setInputType(InputType.convolutionalFlat(height, width, channels));
        MultiLayerNetwork net = new MultiLayerNetwork(list.build());
        net.init();
        return net;
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
