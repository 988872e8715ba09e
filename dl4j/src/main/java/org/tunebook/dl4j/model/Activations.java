package org.tunebook.dl4j.model;

import org.nd4j.linalg.activations.Activation;

import java.util.Locale;

/** Keras activation names to DL4J activations. */
public final class Activations {
    private Activations() {
    }

    /** {@code relu, sigmoid, tanh, elu, selu, softplus, softsign, linear, leaky_relu, swish, gelu}. */
    public static Activation of(String name) {
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "relu" -> Activation.RELU;
            case "sigmoid" -> Activation.SIGMOID;
            case "tanh" -> Activation.TANH;
            case "elu" -> Activation.ELU;
            case "selu" -> Activation.SELU;
            case "softplus" -> Activation.SOFTPLUS;
            case "softsign" -> Activation.SOFTSIGN;
            case "linear", "identity" -> Activation.IDENTITY;
            case "leaky_relu", "leakyrelu" -> Activation.LEAKYRELU;
            case "swish" -> Activation.SWISH;
            case "gelu" -> Activation.GELU;
            default -> throw new IllegalArgumentException("unknown activation \"" + name
                    + "\": use relu, sigmoid, tanh, elu, selu, softplus, softsign, linear, leaky_relu, swish or gelu");
        };
    }
}
