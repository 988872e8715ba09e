package org.tunebook.dl4j.model;

import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.Sgd;

import java.util.Locale;

/**
 * The optimizers of the tutorials, with Keras defaults: Adam (beta1 0.9, beta2 0.999, epsilon 1e-7) and
 * SGD (plain, or with Nesterov momentum). DL4J has no classical (non-Nesterov) momentum updater, so
 * {@code sgd(lr, momentum > 0, nesterov = false)} is refused rather than silently changed.
 */
public record Optimizer(String name, double learningRate, double momentum, boolean nesterov) {
    public Optimizer {
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be a positive number, got " + learningRate);
        }
        if (momentum < 0 || momentum >= 1) {
            throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
        }
        if (name.equals("sgd") && momentum > 0 && !nesterov) {
            throw new IllegalArgumentException("SGD with classical momentum " + momentum + " is not available in DL4J: "
                    + "use Optimizer.sgd(lr, momentum, true) (Nesterov momentum, as the seed-003 grid does) or momentum 0");
        }
    }

    /** Adam with Keras's defaults. */
    public static Optimizer adam(double learningRate) {
        return new Optimizer("adam", learningRate, 0, false);
    }

    /** Plain SGD (Keras {@code SGD(lr)}). */
    public static Optimizer sgd(double learningRate) {
        return new Optimizer("sgd", learningRate, 0, false);
    }

    /** SGD with momentum; DL4J supports it only with {@code nesterov = true}. */
    public static Optimizer sgd(double learningRate, double momentum, boolean nesterov) {
        return new Optimizer("sgd", learningRate, momentum, nesterov);
    }

    /**
     * By name, as in the seeds' categorical choices: {@code "adam"} or {@code "sgd"} (any case). SGD here means
     * plain SGD; use {@link #sgd(double, double, boolean)} for Nesterov momentum.
     */
    public static Optimizer of(String name, double learningRate) {
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "adam" -> adam(learningRate);
            case "sgd" -> sgd(learningRate);
            default -> throw new IllegalArgumentException("optimizer must be \"adam\" or \"sgd\", got \"" + name + "\"");
        };
    }

    /** The DL4J updater. */
    public IUpdater toUpdater() {
        if (name.equals("adam")) {
            return Adam.builder().learningRate(learningRate).beta1(0.9).beta2(0.999).epsilon(1e-7).build();
        }
        if (momentum > 0) {
            return new Nesterovs(learningRate, momentum);
        }
        return new Sgd(learningRate);
    }
}
