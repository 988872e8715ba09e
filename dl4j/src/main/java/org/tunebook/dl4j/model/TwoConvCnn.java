package org.tunebook.dl4j.model;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.util.Map;

/**
 * The CNN of seed 002 (scikit-optimize on Fashion-MNIST):
 * <pre>
 *   Conv(32, 3x3, same, relu), MaxPool(2, stride 2), Conv(64, 3x3, same, relu), MaxPool(2, stride 2), Flatten,
 *   Dense(numDenseNodes, relu) x numDenseLayers, Dense(classes, softmax)
 * </pre>
 * trained with Adam(learningRate) on cross-entropy. Input is flat, reshaped inside the network.
 */
public record TwoConvCnn(double learningRate, int numDenseLayers, int numDenseNodes, int height, int width,
                         int channels, int classes, long seed) implements ModelSpec {

    public TwoConvCnn {
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("learning_rate must be positive, got " + learningRate);
        }
        if (numDenseLayers < 0) {
            throw new IllegalArgumentException("num_dense_layers must be >= 0, got " + numDenseLayers);
        }
        if (numDenseNodes < 1) {
            throw new IllegalArgumentException("num_dense_nodes must be >= 1, got " + numDenseNodes);
        }
    }

    /** Fashion-MNIST shaped (28x28x1, 10 classes). */
    public static TwoConvCnn of(double learningRate, int numDenseLayers, int numDenseNodes, long seed) {
        return new TwoConvCnn(learningRate, numDenseLayers, numDenseNodes, 28, 28, 1, 10, seed);
    }

    /** From the seed's parameter names: {@code learning_rate, num_dense_layers, num_dense_nodes}. */
    public static TwoConvCnn fromParams(Map<String, ?> params, long seed) {
        return of(Params.getDouble(params, "learning_rate"), Params.getInt(params, "num_dense_layers"),
                Params.getInt(params, "num_dense_nodes"), seed);
    }

    @Override
    public MultiLayerNetwork build() {
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                .seed(ModelSpec.dl4jSeed(seed))
                .updater(Optimizer.adam(learningRate).toUpdater())
                .weightInit(WeightInit.XAVIER_UNIFORM)
                .biasInit(0)
                .list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(32).stride(1, 1).convolutionMode(ConvolutionMode.Same)
                        .activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(64).stride(1, 1).convolutionMode(ConvolutionMode.Same)
                        .activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build());
        for (int i = 0; i < numDenseLayers; i++) {
            list.layer(new DenseLayer.Builder().nOut(numDenseNodes).activation(Activation.RELU).build());
        }
        list.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(classes)
                .activation(Activation.SOFTMAX).build());
        list.setInputType(InputType.convolutionalFlat(height, width, channels));
        MultiLayerNetwork net = new MultiLayerNetwork(list.build());
        net.init();
        return net;
    }
}
