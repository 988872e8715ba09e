package org.tunebook.dl4j.data;

/** Two disjoint parts of a data set: training rows and held-out (validation or test) rows. */
public record Split(LabeledData train, LabeledData test) {
    /** Same as {@link #test()}, for validation splits. */
    public LabeledData validation() {
        return test;
    }
}
