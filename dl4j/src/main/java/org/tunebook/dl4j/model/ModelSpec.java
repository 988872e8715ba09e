package org.tunebook.dl4j.model;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/** A network description built from trial parameters; {@link #build()} returns a fresh, initialized network. */
public interface ModelSpec {
    /** A new initialized network (weights drawn from the spec's seed). */
    MultiLayerNetwork build();
}
