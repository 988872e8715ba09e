package org.tunebook.dl4j.train;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.tunebook.dl4j.data.LabeledData;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Keras {@code model.fit(...)} for a DL4J network:
 * <pre>{@code
 * History h = Fit.of(net).batchSize(64).epochs(1000).validationSplit(0.25)
 *         .callbacks(EarlyStopping.onValLoss(10), ReduceLROnPlateau.onValLoss(0.1, 5, 1e-6),
 *                    ModelCheckpoint.bestOnly(dir.resolve(trial.number() + "_cnn.zip")))
 *         .run(train);
 * double value = h.min("val_loss");
 * }</pre>
 * Per epoch it records {@code loss} (mean training batch loss), {@code accuracy} (of the training forward
 * passes), {@code val_loss} and {@code val_accuracy} (inference mode, when validating) and {@code lr}.
 * {@code validationSplit(f)} holds out the LAST fraction f of the rows before shuffling, as Keras does; use
 * {@link LabeledData#split} and {@link #validationData} for a stratified hold-out.
 */
public final class Fit {
    private final MultiLayerNetwork net;
    private int batchSize = 32;
    private int epochs = 1;
    private double validationSplit;
    private LabeledData validationData;
    private boolean shuffle = true;
    private long seed = 42;
    private final List<Callback> callbacks = new ArrayList<>();
    private PrintStream log;
    private TrialReport reporter;

    private Fit(MultiLayerNetwork net) {
        this.net = net;
    }

    public static Fit of(MultiLayerNetwork net) {
        if (net == null) {
            throw new IllegalArgumentException("network is null: build one first, e.g. Mlp.builder()...build().build()");
        }
        return new Fit(net);
    }

    /** Rows per gradient step (Keras default 32). */
    public Fit batchSize(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
        }
        this.batchSize = batchSize;
        return this;
    }

    /** Maximum number of epochs (callbacks may stop earlier). */
    public Fit epochs(int epochs) {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        }
        this.epochs = epochs;
        return this;
    }

    /** Hold out the last {@code fraction} of the training rows for validation (Keras {@code validation_split}). */
    public Fit validationSplit(double fraction) {
        if (!(fraction >= 0 && fraction < 1)) {
            throw new IllegalArgumentException("validationSplit must be in [0, 1), got " + fraction);
        }
        this.validationSplit = fraction;
        return this;
    }

    /** Validate on these rows after every epoch (Keras {@code validation_data}); overrides validationSplit. */
    public Fit validationData(LabeledData data) {
        this.validationData = data;
        return this;
    }

    /** Shuffle the training rows before every epoch (default true, as Keras). */
    public Fit shuffle(boolean shuffle) {
        this.shuffle = shuffle;
        return this;
    }

    /**
     * Seed of the shuffling and, mixed with the network's own seed, of ND4J's random generator (dropout masks):
     * a fit of a network built with a given seed repeats exactly for a given Fit seed (default 42).
     */
    public Fit seed(long seed) {
        this.seed = seed;
        return this;
    }

    public Fit callbacks(Callback... callbacks) {
        this.callbacks.addAll(Arrays.asList(callbacks));
        return this;
    }

    public Fit callback(Callback callback) {
        this.callbacks.add(callback);
        return this;
    }

    /**
     * Report {@code monitor} of every epoch to {@code trial} and throw {@link org.tunebook.study.TrialPruned} when
     * its study's pruner says so (see {@link TrialReport}); runs after the other callbacks.
     */
    public Fit report(org.tunebook.study.Trial trial, String monitor) {
        this.reporter = TrialReport.of(trial, monitor);
        return this;
    }

    /** {@link #report(org.tunebook.study.Trial, String)} of val_loss (loss when the fit does not validate). */
    public Fit report(org.tunebook.study.Trial trial) {
        this.reporter = TrialReport.of(trial);
        return this;
    }

    /** Print one line per epoch to {@code out} (Keras {@code verbose=2}); null for silence (default). */
    public Fit verbose(PrintStream out) {
        this.log = out;
        return this;
    }

    /** Trains and returns the per-epoch history. */
    public History run(LabeledData data) {
        LabeledData train = data;
        LabeledData validation = validationData;
        if (validation == null && validationSplit > 0) {
            int nVal = (int) Math.floor(data.size() * validationSplit);
            int nTrain = data.size() - nVal;
            if (nVal < 1 || nTrain < 1) {
                throw new IllegalArgumentException("validationSplit " + validationSplit + " of " + data.size()
                        + " rows leaves an empty part: use a fraction that keeps rows on both sides");
            }
            int[] head = new int[nTrain];
            int[] tail = new int[nVal];
            for (int i = 0; i < nTrain; i++) {
                head[i] = i;
            }
            for (int i = 0; i < nVal; i++) {
                tail[i] = nTrain + i;
            }
            train = data.subset(head);
            validation = data.subset(tail);
        }
        if (validation != null && validation.features() != train.features()) {
            throw new IllegalArgumentException("validation rows have " + validation.features() + " features, training rows "
                    + train.features());
        }
        long expected = net.layerInputSize(0);
        if (expected > 0 && expected != train.features() && net.getLayerWiseConfigurations().getInputPreProcess(0) == null) {
            throw new IllegalArgumentException("the network expects " + expected + " inputs but the data has "
                    + train.features() + " features per row");
        }

        History history = new History();
        TrainingContext context = new TrainingContext(net, history, validation != null);
        List<Callback> callbacks = new ArrayList<>(this.callbacks);
        if (reporter != null) {
            callbacks.add(reporter);
        }
        for (Callback c : callbacks) {
            c.onTrainBegin(context);
        }
        TrainAccuracyListener accuracy = new TrainAccuracyListener();
        List<TrainingListener> previous = new ArrayList<>(net.getListeners() == null ? List.of() : net.getListeners());
        List<TrainingListener> withOurs = new ArrayList<>(previous);
        withOurs.add(accuracy);
        net.setListeners(withOurs);
        Random rnd = new Random(seed);
        // DL4J draws dropout masks from ND4J's (per-thread) generator, which it seeds only in init(): anything
        // drawing from it between init() and this fit (another network built, an ensemble) changed the masks.
        Nd4j.getRandom().setSeed(randomSeed(net, seed));
        int[] order = new int[train.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        try {
            for (int epoch = 0; epoch < epochs; epoch++) {
                long start = System.nanoTime();
                if (shuffle) {
                    for (int i = order.length - 1; i > 0; i--) {
                        int j = rnd.nextInt(i + 1);
                        int t = order[i];
                        order[i] = order[j];
                        order[j] = t;
                    }
                }
                accuracy.resetEpoch();
                double lossSum = 0;
                for (int from = 0; from < order.length; from += batchSize) {
                    if (Thread.currentThread().isInterrupted()) {
                        throw new IllegalStateException("training interrupted in epoch " + epoch);
                    }
                    int to = Math.min(order.length, from + batchSize);
                    DataSet batch = train.batch(order, from, to);
                    int[] labels = new int[to - from];
                    for (int i = 0; i < labels.length; i++) {
                        labels[i] = train.label(order[from + i]);
                    }
                    accuracy.beginBatch(labels);
                    net.fit(batch);
                    lossSum += net.score() * (to - from);
                }
                EpochLogs logs = new EpochLogs();
                logs.put(EpochLogs.LOSS, lossSum / order.length);
                double acc = accuracy.accuracy();
                if (!Double.isNaN(acc)) {
                    logs.put(EpochLogs.ACCURACY, acc);
                }
                if (validation != null) {
                    float[][] p = Predict.probabilities(net, validation);
                    int[] labels = validation.labels();
                    logs.put(EpochLogs.VAL_LOSS, Predict.crossEntropy(p, labels));
                    logs.put(EpochLogs.VAL_ACCURACY, Evaluation.accuracy(labels, Predict.classes(p)));
                }
                logs.put(EpochLogs.LR, context.learningRate());
                double seconds = (System.nanoTime() - start) / 1e9;
                history.add(logs, seconds);
                if (log != null) {
                    // one println per line: JJava shows every printf fragment as its own output
                    log.println(String.format(Locale.ROOT, "Epoch %d/%d - %.1fs - %s", epoch + 1, epochs, seconds, logs));
                }
                for (Callback c : callbacks) {
                    c.onEpochEnd(epoch, logs, context);
                }
                if (context.stopRequested()) {
                    if (epoch < epochs - 1) {
                        history.markStoppedEarly();
                    }
                    break;
                }
            }
        } finally {
            net.setListeners(previous);
        }
        for (Callback c : callbacks) {
            c.onTrainEnd(context);
        }
        return history;
    }

    /** ND4J's seed for a fit: the Fit seed mixed with the network's configuration seed (SplitMix64 finalizer). */
    static long randomSeed(MultiLayerNetwork net, long fitSeed) {
        long z = net.getLayerWiseConfigurations().getConf(0).getSeed() * 0x9E3779B97F4A7C15L + fitSeed;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        return z != 0 ? z : 1;   // ND4J takes the seed 0 as "no seed" (see ModelSpec.dl4jSeed)
    }
}
