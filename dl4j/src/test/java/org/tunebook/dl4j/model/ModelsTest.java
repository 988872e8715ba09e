package org.tunebook.dl4j.model;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.Sgd;
import org.tunebook.dl4j.TestData;
import org.tunebook.dl4j.data.LabeledData;
import org.tunebook.dl4j.data.Split;
import org.tunebook.dl4j.train.Evaluation;
import org.tunebook.dl4j.train.Fit;
import org.tunebook.dl4j.train.History;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelsTest {

    @Test
    void oneEpochMlpOnTwoThousandMnistImagesBeatsEightyPercent() {
        Split mnist = TestData.mnist();
        LabeledData train = mnist.train().head(2000);
        MultiLayerNetwork net = Mlp.builder().hidden(1, 128).activation("relu")
                .optimizer(Optimizer.adam(0.003)).seed(1).build().build();
        History h = Fit.of(net).batchSize(32).epochs(1).seed(1).run(train);
        assertEquals(1, h.epochs());
        Evaluation e = Evaluation.of(net, mnist.test());
        assertTrue(e.accuracy() > 0.80, "test accuracy " + e);
        assertTrue(h.last("accuracy") > 0.5 && h.last("accuracy") < 1, "training accuracy " + h);
        assertTrue(h.last("loss") < 2.3, "loss below chance level ln(10): " + h);
        int total = 0;
        for (int[] row : e.confusion()) {
            for (int v : row) {
                total += v;
            }
        }
        assertEquals(10_000, total);
    }

    @Test
    void mlpFromTrialParametersFollowsTheSeeds() {
        Mlp mlp = Mlp.fromParams(Map.of("num_layers", 3, "num_nodes", 16, "hidden_activation", "tanh",
                "learning_rate", 0.01), 784, 10, 7);
        assertEquals(java.util.List.of(16, 16, 16), mlp.hidden());
        MultiLayerNetwork net = mlp.build();
        // 784*16+16 + 2*(16*16+16) + 16*10+10
        assertEquals(784 * 16 + 16 + 2 * (16 * 16 + 16) + 16 * 10 + 10, net.numParams());
        assertInstanceOf(Adam.class, net.getLayer(0).conf().getLayer().getUpdaterByParam("W"));
        MultiLayerNetwork sgd = Mlp.fromParams(Map.of("num_layers", 1, "num_nodes", 15, "optimizer", "SGD",
                "learning_rate", 0.1, "momentum", 0.9), 784, 10, 7).build();
        Nesterovs nesterovs = assertInstanceOf(Nesterovs.class, sgd.getLayer(0).conf().getLayer().getUpdaterByParam("W"));
        assertEquals(0.9, nesterovs.getMomentum());
        assertInstanceOf(Sgd.class, Optimizer.of("sgd", 0.1).toUpdater());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> Mlp.fromParams(Map.of("num_layers", 2), 784, 10, 1));
        assertTrue(missing.getMessage().contains("num_nodes"), missing.getMessage());
        IllegalArgumentException momentum = assertThrows(IllegalArgumentException.class,
                () -> Optimizer.sgd(0.1, 0.9, false));
        assertTrue(momentum.getMessage().contains("Nesterov"), momentum.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Activations.of("relu6"));
    }

    @Test
    void seed000CnnHasKerasParameterCountsAndHandlesEvenKernels() {
        // Keras model.count_params() of the seed's model with these parameters: BN 4 + conv 160 + BN 64 +
        // conv 2,320 + dense 3136*64+64 + dense 64*32+32 + softmax 330
        BlocksCnn spec = BlocksCnn.fromParams(Map.of("num_cnn_blocks", 2, "num_filters", 16, "kernel_size", 3,
                "num_dense_nodes", 64, "dense_nodes_divisor", 2, "drop_out", 0.2), 3);
        assertEquals(BlocksCnn.SEED_LEARNING_RATE, spec.learningRate());
        assertEquals(205_726, spec.build().numParams());
        INDArray four = TestData.mnist().test().batch(0, 4).getFeatures();
        for (int k = 2; k <= 4; k++) {
            MultiLayerNetwork net = new BlocksCnn(4, 16, k, 128, 4, 0.5, 0.001, 28, 28, 1, 10, 1).build();
            INDArray out = net.output(four);
            assertArrayEquals(new long[]{4, 10}, out.shape(), "kernel " + k);
            assertEquals(4.0, out.sumNumber().doubleValue(), 1e-4, "softmax rows sum to one");
        }
        assertThrows(IllegalArgumentException.class, () -> new BlocksCnn(6, 16, 3, 64, 2, 0.2, 0.001, 28, 28, 1, 10, 1));
        assertThrows(IllegalArgumentException.class, () -> new BlocksCnn(2, 16, 3, 64, 2, 1.0, 0.001, 28, 28, 1, 10, 1));
    }

    @Test
    void seed002CnnHasKerasParameterCounts() {
        // conv 320 + conv 18,496 + dense 3136*12+12 + softmax 130, as Keras counts create_model(0.001, 1, 12)
        TwoConvCnn spec = TwoConvCnn.fromParams(Map.of("learning_rate", 0.001, "num_dense_layers", 1,
                "num_dense_nodes", 12), 1);
        assertEquals(56_590, spec.build().numParams());
        assertEquals(320 + 18_496 + 10 * 3136 + 10, TwoConvCnn.of(0.001, 0, 5, 1).build().numParams());
    }
}
