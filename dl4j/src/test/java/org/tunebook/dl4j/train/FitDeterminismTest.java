package org.tunebook.dl4j.train;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;
import org.tunebook.dl4j.TestData;
import org.tunebook.dl4j.data.LabeledData;
import org.tunebook.dl4j.model.BlocksCnn;
import org.tunebook.dl4j.model.Mlp;
import org.tunebook.dl4j.model.TwoConvCnn;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Dropout draws its masks from ND4J's random generator, not from the network's seed: Fit seeds that generator,
 * so a seeded fit of a network with dropout repeats exactly, on any thread and whatever ran before it. And a
 * network built with the seed 0 repeats too (ND4J takes 0 as "no seed").
 */
class FitDeterminismTest {

    /** The seed-000 CNN with heavy dropout (half the units dropped in every dropout layer), small and fast. */
    private static MultiLayerNetwork dropoutCnn(long networkSeed) {
        return new BlocksCnn(2, 4, 3, 32, 2, 0.5, 0.003, 28, 28, 1, 10, networkSeed).build();
    }

    private static float[] fitParams(LabeledData train, MultiLayerNetwork net, long fitSeed) {
        Fit.of(net).batchSize(32).epochs(1).shuffle(false).seed(fitSeed).run(train);
        return net.params().dup().data().asFloat();
    }

    private static float[] fitParamsOnAnotherThread(LabeledData train, MultiLayerNetwork net, long fitSeed)
            throws Exception {
        AtomicReference<float[]> out = new AtomicReference<>();
        Thread t = new Thread(() -> out.set(fitParams(train, net, fitSeed)));
        t.start();
        t.join();
        return out.get();
    }

    @Test
    void aNetworkSeededWithZeroRepeatsItsWeights() {
        // ND4J's native generator takes the seed 0 as "no seed"; the model specs pass another value for it
        float[] mlp = Mlp.builder().inputs(784).hidden(1, 8).seed(0).build().build().params().dup().data().asFloat();
        float[] mlpAgain = Mlp.builder().inputs(784).hidden(1, 8).seed(0).build().build().params().dup().data().asFloat();
        assertArrayEquals(mlp, mlpAgain, "Mlp with seed 0");
        assertArrayEquals(dropoutCnn(0).params().dup().data().asFloat(), dropoutCnn(0).params().dup().data().asFloat(),
                "BlocksCnn with seed 0");
        assertArrayEquals(TwoConvCnn.of(0.001, 1, 12, 0).build().params().dup().data().asFloat(),
                TwoConvCnn.of(0.001, 1, 12, 0).build().params().dup().data().asFloat(), "TwoConvCnn with seed 0");
        assertFalse(Arrays.equals(mlp, Mlp.builder().inputs(784).hidden(1, 8).seed(1).build().build().params()
                .dup().data().asFloat()), "seeds 0 and 1 must give different weights");
    }

    @Test
    void twoSeededFitsWithDropoutGiveIdenticalParameters() throws Exception {
        LabeledData train = TestData.mnist().train().head(192);
        float[] first = fitParams(train, dropoutCnn(7), 11);

        // DL4J seeds ND4J's generator when it initializes a network, so the masks used to depend on what drew
        // from it between init() and fit(): here another network built in between (a user building two models,
        // an ensemble) and a draw on the generator. Fit reseeds it, so the fit repeats, on another thread too.
        MultiLayerNetwork again = dropoutCnn(7);
        dropoutCnn(99);
        Nd4j.rand(3, 3);
        float[] second = fitParamsOnAnotherThread(train, again, 11);
        assertTrue(first.length > 1000, "parameters: " + first.length);
        assertArrayEquals(first, second, "same network seed and Fit seed must give identical parameters");

        // the masks follow the seeds: another Fit seed (no shuffling, so only dropout differs) changes the result,
        // and so does another network seed
        float[] otherFitSeed = fitParams(train, dropoutCnn(7), 12);
        assertFalse(Arrays.equals(first, otherFitSeed), "another Fit seed must draw other dropout masks");
        float[] otherNetSeed = fitParams(train, dropoutCnn(8), 11);
        assertFalse(Arrays.equals(first, otherNetSeed), "another network seed must give another fit");
    }
}
