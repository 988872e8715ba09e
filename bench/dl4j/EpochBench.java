import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.tunebook.dl4j.data.LabeledData;
import org.tunebook.dl4j.data.Mnist;
import org.tunebook.dl4j.data.Split;
import org.tunebook.dl4j.model.BlocksCnn;
import org.tunebook.dl4j.model.Mlp;
import org.tunebook.dl4j.model.ModelSpec;
import org.tunebook.dl4j.model.Optimizer;
import org.tunebook.dl4j.train.Evaluation;
import org.tunebook.dl4j.train.Fit;
import org.tunebook.dl4j.train.History;

import java.util.Arrays;
import java.util.Locale;

/**
 * Seconds per training epoch of the tutorials' networks with DL4J on the CPU (run by bench/run-dl4j.sh).
 * Prints one tab-separated line per measurement: name, rows, batch, epochs, median s/epoch, s per 1k rows,
 * test accuracy after the measured epochs.
 */
public class EpochBench {
    public static void main(String[] args) {
        Split mnist = Mnist.load();
        String which = args.length > 0 ? args[0] : "all";
        if (which.equals("all") || which.equals("mlp")) {
            // seed 003, grid search winner: Dense(15, relu), softmax, SGD(lr 0.01, momentum 0.9, nesterov), batch 32
            ModelSpec mlp = Mlp.builder().hidden(1, 15).activation("relu")
                    .optimizer(Optimizer.sgd(0.01, 0.9, true)).seed(1).build();
            run("mlp-784-15-10-sgd-nesterov", mlp, mnist, mnist.train(), 32, 3);
            run("mlp-784-15-10-sgd-nesterov", mlp, mnist, mnist.train(), 64, 3);
            rawLoop("mlp-784-15-10-sgd-nesterov, raw DL4J loop", mlp, mnist, mnist.train(), 64, 3);
        }
        if (which.equals("all") || which.equals("cnn")) {
            int rows = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
            // seed 000, best trial (#32): 4 blocks of 48 filters, kernel 3, dense 1024 / 8, dropout 0.4, batch 64
            run("cnn-seed000-trial32", new BlocksCnn(4, 48, 3, 1024, 8, 0.4, BlocksCnn.SEED_LEARNING_RATE, 28, 28, 1, 10, 1),
                    mnist, mnist.train().head(rows), 64, 1);
            // seed 000, trial #0: 4 blocks of 16 filters, kernel 4, dense 128 / 4, dropout 0.1, batch 32
            run("cnn-seed000-trial0", new BlocksCnn(4, 16, 4, 128, 4, 0.1, BlocksCnn.SEED_LEARNING_RATE, 28, 28, 1, 10, 1),
                    mnist, mnist.train().head(rows), 32, 1);
        }
    }

    /**
     * The same epochs without Tunebook's Fit: DL4J's own {@code net.fit(DataSet)} over mini-batches built before
     * the clock starts, in a fixed order (no shuffling, no accuracy listener): what DL4J itself costs.
     */
    private static void rawLoop(String name, ModelSpec spec, Split mnist, LabeledData train, int batch, int epochs) {
        java.util.List<org.nd4j.linalg.dataset.DataSet> batches = new java.util.ArrayList<>();
        for (int from = 0; from < train.size(); from += batch) {
            batches.add(train.batch(from, Math.min(train.size(), from + batch)));
        }
        MultiLayerNetwork warm = spec.build();
        for (int i = 0; i < Math.min(8, batches.size()); i++) {
            warm.fit(batches.get(i));
        }
        MultiLayerNetwork net = spec.build();
        double[] s = new double[epochs];
        for (int e = 0; e < epochs; e++) {
            long t0 = System.nanoTime();
            for (org.nd4j.linalg.dataset.DataSet b : batches) {
                net.fit(b);
            }
            s[e] = (System.nanoTime() - t0) / 1e9;
        }
        report(name, net, mnist, train, batch, epochs, s);
    }

    private static void report(String name, MultiLayerNetwork net, Split mnist, LabeledData train, int batch, int epochs,
                               double[] epochSeconds) {
        double[] s = epochSeconds.clone();
        Arrays.sort(s);
        double median = s[s.length / 2];
        double acc = Evaluation.of(net, mnist.test()).accuracy();
        System.out.printf(Locale.ROOT, "%s\t%d\t%d\t%d\t%.2f\t%.3f\t%.4f%n", name, train.size(), batch, epochs, median,
                median / train.size() * 1000, acc);
    }

    private static void run(String name, ModelSpec spec, Split mnist, LabeledData train, int batch, int epochs) {
        // warm-up: JIT and native code paths, on 512 rows
        Fit.of(spec.build()).batchSize(batch).epochs(1).run(train.head(Math.min(512, train.size())));
        MultiLayerNetwork net = spec.build();
        History h = Fit.of(net).batchSize(batch).epochs(epochs).seed(7).run(train);
        report(name, net, mnist, train, batch, epochs, h.epochSeconds());
    }
}
