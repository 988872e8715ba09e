package org.tunebook.sampler.tpe;

/** Settings of the Parzen estimators: weight of the prior kernel, bandwidth clipping, end points. */
record TpeOptions(double priorWeight, boolean considerMagicClip, boolean considerEndpoints) {
}
