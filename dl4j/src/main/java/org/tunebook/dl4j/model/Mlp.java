package org.tunebook.dl4j.model;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A Keras-style multilayer perceptron: {@code hidden.size()} Dense layers with one activation, then a
 * softmax output trained on categorical cross-entropy. Glorot-uniform weights and zero biases, as Keras.
 *
 * <pre>{@code
 * MultiLayerNetwork net = Mlp.builder().inputs(784).hidden(3, 16).activation("relu")
 *         .optimizer(Optimizer.adam(0.01)).classes(10).seed(42).build().build();
 * }</pre>
 */
public record Mlp(int inputs, List<Integer> hidden, String activation, Optimizer optimizer, int classes, long seed)
        implements ModelSpec {

    public Mlp {
        if (inputs <= 0) {
            throw new IllegalArgumentException("inputs must be positive, got " + inputs + " (784 for flat MNIST)");
        }
        if (classes < 2) {
            throw new IllegalArgumentException("classes must be at least 2, got " + classes);
        }
        hidden = List.copyOf(hidden);
        for (int units : hidden) {
            if (units <= 0) {
                throw new IllegalArgumentException("every hidden layer needs at least one unit, got " + hidden);
            }
        }
        Activations.of(activation); // validates the name
        if (optimizer == null) {
            throw new IllegalArgumentException("optimizer is required, e.g. Optimizer.adam(0.001)");
        }
    }

    /**
     * From a trial's parameters: {@code num_layers} (hidden layers, 0 or more), {@code num_nodes} (units per
     * layer), {@code learning_rate}, and optionally {@code activation} or {@code hidden_activation}
     * (default relu), {@code optimizer} ("adam" default, or "sgd"), {@code momentum} (with "sgd": Nesterov
     * momentum, default 0).
     */
    public static Mlp fromParams(Map<String, ?> params, int inputs, int classes, long seed) {
        int layers = Params.getInt(params, "num_layers");
        if (layers < 0) {
            throw new IllegalArgumentException("parameter 'num_layers' must be >= 0, got " + layers);
        }
        int nodes = Params.getInt(params, "num_nodes");
        String act = params.containsKey("activation") ? Params.getString(params, "activation")
                : Params.getString(params, "hidden_activation", "relu");
        double lr = Params.getDouble(params, "learning_rate");
        String opt = Params.getString(params, "optimizer", "adam");
        double momentum = Params.getDouble(params, "momentum", 0);
        Optimizer optimizer = opt.equalsIgnoreCase("sgd") && momentum > 0 ? Optimizer.sgd(lr, momentum, true)
                : Optimizer.of(opt, lr);
        return new Mlp(inputs, Collections.nCopies(layers, nodes), act, optimizer, classes, seed);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public MultiLayerNetwork build() {
        Activation act = Activations.of(activation);
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                .seed(ModelSpec.dl4jSeed(seed))
                .updater(optimizer.toUpdater())
                .weightInit(WeightInit.XAVIER_UNIFORM)
                .biasInit(0)
                .list();
        int nIn = inputs;
        for (int units : hidden) {
            list.layer(new DenseLayer.Builder().nIn(nIn).nOut(units).activation(act).build());
            nIn = units;
        }
        list.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(nIn).nOut(classes)
                .activation(Activation.SOFTMAX).build());
        list.setInputType(InputType.feedForward(inputs));
        MultiLayerNetwork net = new MultiLayerNetwork(list.build());
        net.init();
        return net;
    }

    /** Fluent construction with the defaults of the tutorials (784 inputs, 10 classes, relu, Adam 0.001). */
    public static final class Builder {
        private int inputs = 784;
        private final List<Integer> hidden = new ArrayList<>();
        private String activation = "relu";
        private Optimizer optimizer = Optimizer.adam(0.001);
        private int classes = 10;
        private long seed = 42;

        public Builder inputs(int inputs) {
            this.inputs = inputs;
            return this;
        }

        /** {@code layers} hidden layers of {@code units} each (replaces earlier hidden layers). */
        public Builder hidden(int layers, int units) {
            hidden.clear();
            hidden.addAll(Collections.nCopies(layers, units));
            return this;
        }

        /** Hidden layer sizes, e.g. {@code hiddenSizes(12)} or {@code hiddenSizes(14, 14)} (replaces earlier ones). */
        public Builder hiddenSizes(int... sizes) {
            hidden.clear();
            for (int s : sizes) {
                hidden.add(s);
            }
            return this;
        }

        public Builder activation(String activation) {
            this.activation = activation;
            return this;
        }

        public Builder optimizer(Optimizer optimizer) {
            this.optimizer = optimizer;
            return this;
        }

        public Builder classes(int classes) {
            this.classes = classes;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Mlp build() {
            return new Mlp(inputs, hidden, activation, optimizer, classes, seed);
        }
    }
}
