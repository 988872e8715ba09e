package org.tunebook.dl4j.model;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/** A network description built from trial parameters; {@link #build()} returns a fresh, initialized network. */
public interface ModelSpec {
    /** A new initialized network (weights drawn from the spec's seed). */
    MultiLayerNetwork build();

    /** What a seed of 0 becomes in {@link #dl4jSeed}: an arbitrary fixed non-zero value. */
    long SEED_FOR_ZERO = 0x2545F4914F6CDD1DL;

    /**
     * The seed given to DL4J for a spec's seed: the same, except 0. ND4J's native generator treats the seed 0 as
     * "no seed": a network built with {@code seed(0)} got other weights in every JVM (notebook 000's trial 0, whose
     * network seed is the trial number, did not repeat). 0 becomes {@link #SEED_FOR_ZERO}.
     */
    static long dl4jSeed(long seed) {
        return seed != 0 ? seed : SEED_FOR_ZERO;
    }
}
