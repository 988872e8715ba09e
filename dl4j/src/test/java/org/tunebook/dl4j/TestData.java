package org.tunebook.dl4j;

import org.tunebook.dl4j.data.Mnist;
import org.tunebook.dl4j.data.Split;

/** MNIST read once per test JVM (the loaders themselves are tested in LoadersTest). */
public final class TestData {
    private static Split mnist;

    private TestData() {
    }

    public static synchronized Split mnist() {
        if (mnist == null) {
            mnist = Mnist.load();
        }
        return mnist;
    }
}
