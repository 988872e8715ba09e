package org.tunebook.dl4j.data;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * An immutable labelled image set: {@code size()} rows of {@code height*width*channels} floats
 * (row-major, already normalized) and an integer class label per row.
 *
 * <p>Splits and folds are deterministic for a given seed ({@link java.util.Random} is specified
 * exactly, so the same seed gives the same split on every JVM).
 */
public final class LabeledData {
    private final String name;
    private final float[] x;
    private final int[] y;
    private final int height;
    private final int width;
    private final int channels;
    private final List<String> classNames;

    /**
     * @param x row-major features, {@code y.length * height * width * channels} values
     * @param y labels in {@code [0, classNames.size())}
     */
    public LabeledData(String name, float[] x, int[] y, int height, int width, int channels, List<String> classNames) {
        this.name = Objects.requireNonNull(name, "name");
        this.x = Objects.requireNonNull(x, "x");
        this.y = Objects.requireNonNull(y, "y");
        this.height = height;
        this.width = width;
        this.channels = channels;
        this.classNames = List.copyOf(classNames);
        if (height <= 0 || width <= 0 || channels <= 0) {
            throw new IllegalArgumentException("height, width and channels must be positive, got "
                    + height + "x" + width + "x" + channels);
        }
        if ((long) y.length * features() != x.length) {
            throw new IllegalArgumentException("x has " + x.length + " values but " + y.length + " labels x "
                    + features() + " features = " + (long) y.length * features() + " were expected");
        }
        int k = this.classNames.size();
        for (int i = 0; i < y.length; i++) {
            if (y[i] < 0 || y[i] >= k) {
                throw new IllegalArgumentException("label " + y[i] + " at row " + i + " is outside [0, " + k + ")");
            }
        }
    }

    public String name() {
        return name;
    }

    /** Number of rows (images). */
    public int size() {
        return y.length;
    }

    /** Number of features per row: height * width * channels. */
    public int features() {
        return height * width * channels;
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    public int channels() {
        return channels;
    }

    public int numClasses() {
        return classNames.size();
    }

    public List<String> classNames() {
        return classNames;
    }

    /** The label of row {@code i}. */
    public int label(int i) {
        return y[i];
    }

    /** A copy of all labels. */
    public int[] labels() {
        return y.clone();
    }

    /** Feature {@code j} of row {@code i}. */
    public float value(int i, int j) {
        return x[i * features() + j];
    }

    /** A copy of row {@code i}. */
    public float[] row(int i) {
        int d = features();
        return Arrays.copyOfRange(x, i * d, (i + 1) * d);
    }

    /** How many rows each class has. */
    public int[] labelCounts() {
        int[] counts = new int[numClasses()];
        for (int label : y) {
            counts[label]++;
        }
        return counts;
    }

    /** Smallest and largest feature value, and the mean: {@code {min, max, mean}}. */
    public double[] valueRange() {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        for (float v : x) {
            min = Math.min(min, v);
            max = Math.max(max, v);
            sum += v;
        }
        return new double[]{min, max, x.length == 0 ? Double.NaN : sum / x.length};
    }

    /** The rows at {@code indices}, in that order. */
    public LabeledData subset(int[] indices) {
        int d = features();
        float[] nx = new float[indices.length * d];
        int[] ny = new int[indices.length];
        for (int r = 0; r < indices.length; r++) {
            int i = indices[r];
            if (i < 0 || i >= y.length) {
                throw new IndexOutOfBoundsException("row " + i + " of " + name + " (size " + y.length + ")");
            }
            System.arraycopy(x, i * d, nx, r * d, d);
            ny[r] = y[i];
        }
        return new LabeledData(name, nx, ny, height, width, channels, classNames);
    }

    /** The first {@code n} rows. */
    public LabeledData head(int n) {
        requireCount("n", n, 1, size());
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        return subset(idx);
    }

    /** The same rows shuffled with {@code seed}. */
    public LabeledData shuffled(long seed) {
        int[] idx = identity(size());
        shuffle(idx, new Random(seed));
        return subset(idx);
    }

    /** A stratified random sample of {@code n} rows (class proportions kept), shuffled. */
    public LabeledData sample(int n, long seed) {
        requireCount("n", n, 1, size());
        return split((double) (size() - n) / size(), seed).train();
    }

    /** This data followed by {@code other} (same shape and classes), e.g. MNIST train + test as in seed 003. */
    public LabeledData concat(LabeledData other) {
        if (other.features() != features() || !other.classNames.equals(classNames)) {
            throw new IllegalArgumentException("cannot concatenate " + name + " and " + other.name
                    + ": shapes or classes differ");
        }
        float[] nx = Arrays.copyOf(x, x.length + other.x.length);
        System.arraycopy(other.x, 0, nx, x.length, other.x.length);
        int[] ny = Arrays.copyOf(y, y.length + other.y.length);
        System.arraycopy(other.y, 0, ny, y.length, other.y.length);
        return new LabeledData(name, nx, ny, height, width, channels, classNames);
    }

    /**
     * A stratified shuffled split like scikit-learn's {@code train_test_split(stratify=y)}: every class
     * puts {@code round(count * testFraction)} of its rows (at least one when it has two or more) in the
     * second part. Both parts are shuffled.
     *
     * @param testFraction fraction in (0, 1) that goes to {@link Split#test()}
     */
    public Split split(double testFraction, long seed) {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("testFraction must be in (0, 1), got " + testFraction
                    + " (e.g. 0.25 for a 75/25 split)");
        }
        Random rnd = new Random(seed);
        List<int[]> byClass = indicesByClass();
        int[] train = new int[size()];
        int[] test = new int[size()];
        int nTrain = 0;
        int nTest = 0;
        for (int[] rows : byClass) {
            shuffle(rows, rnd);
            int t = (int) Math.round(rows.length * testFraction);
            if (t == 0 && rows.length >= 2) {
                t = 1;
            }
            if (t == rows.length && rows.length >= 2) {
                t = rows.length - 1;
            }
            for (int i = 0; i < rows.length; i++) {
                if (i < t) {
                    test[nTest++] = rows[i];
                } else {
                    train[nTrain++] = rows[i];
                }
            }
        }
        int[] tr = Arrays.copyOf(train, nTrain);
        int[] te = Arrays.copyOf(test, nTest);
        shuffle(tr, rnd);
        shuffle(te, rnd);
        return new Split(subset(tr), subset(te));
    }

    /**
     * K folds: fold {@code f} validates on its rows and trains on the others. Stratified folds deal every
     * class's shuffled rows round-robin over the folds (like scikit-learn's StratifiedKFold); otherwise
     * rows are shuffled and cut into contiguous folds (like KFold(shuffle=True)).
     */
    public List<Split> kFold(int k, long seed, boolean stratified) {
        requireCount("k", k, 2, size());
        Random rnd = new Random(seed);
        int[] fold = new int[size()];
        if (stratified) {
            int offset = 0;
            for (int[] rows : indicesByClass()) {
                shuffle(rows, rnd);
                for (int i = 0; i < rows.length; i++) {
                    fold[rows[i]] = (offset + i) % k;
                }
                offset = (offset + rows.length) % k;
            }
        } else {
            int[] idx = identity(size());
            shuffle(idx, rnd);
            int n = size();
            for (int f = 0, start = 0; f < k; f++) {
                int len = n / k + (f < n % k ? 1 : 0);
                for (int i = start; i < start + len; i++) {
                    fold[idx[i]] = f;
                }
                start += len;
            }
        }
        List<Split> splits = new ArrayList<>(k);
        for (int f = 0; f < k; f++) {
            int count = 0;
            for (int v : fold) {
                if (v == f) {
                    count++;
                }
            }
            int[] val = new int[count];
            int[] tr = new int[size() - count];
            int a = 0;
            int b = 0;
            for (int i = 0; i < size(); i++) {
                if (fold[i] == f) {
                    val[a++] = i;
                } else {
                    tr[b++] = i;
                }
            }
            splits.add(new Split(subset(tr), subset(val)));
        }
        return splits;
    }

    /** Features as a {@code [n, features]} matrix (for MLPs and for the CNN builders, which take flat input). */
    public INDArray flatFeatures() {
        return Nd4j.create(x, new long[]{size(), features()}, 'c');
    }

    /** Features as {@code [n, channels, height, width]} images (NCHW, DL4J's default layout). */
    public INDArray imageFeatures() {
        if (channels == 1) {
            return Nd4j.create(x, new long[]{size(), 1, height, width}, 'c');
        }
        // stored channels-last per pixel (h, w, c): permute to NCHW
        INDArray nhwc = Nd4j.create(x, new long[]{size(), height, width, channels}, 'c');
        return nhwc.permute(0, 3, 1, 2).dup('c');
    }

    /** One-hot labels, {@code [n, numClasses]}. */
    public INDArray oneHotLabels() {
        float[] oh = new float[size() * numClasses()];
        for (int i = 0; i < y.length; i++) {
            oh[i * numClasses() + y[i]] = 1f;
        }
        return Nd4j.create(oh, new long[]{size(), numClasses()}, 'c');
    }

    /** A DL4J DataSet with flat features and one-hot labels. */
    public DataSet toDataSet() {
        return new DataSet(flatFeatures(), oneHotLabels());
    }

    /** Rows {@code [from, to)} as a DL4J DataSet (flat features, one-hot labels). */
    public DataSet batch(int from, int to) {
        int d = features();
        int n = to - from;
        float[] bx = Arrays.copyOfRange(x, from * d, to * d);
        float[] oh = new float[n * numClasses()];
        for (int i = 0; i < n; i++) {
            oh[i * numClasses() + y[from + i]] = 1f;
        }
        return new DataSet(Nd4j.create(bx, new long[]{n, d}, 'c'), Nd4j.create(oh, new long[]{n, numClasses()}, 'c'));
    }

    /** Rows {@code order[from..to)} as a DL4J DataSet (flat features, one-hot labels). */
    public DataSet batch(int[] order, int from, int to) {
        int d = features();
        int n = to - from;
        float[] bx = new float[n * d];
        float[] oh = new float[n * numClasses()];
        for (int i = 0; i < n; i++) {
            int row = order[from + i];
            System.arraycopy(x, row * d, bx, i * d, d);
            oh[i * numClasses() + y[row]] = 1f;
        }
        return new DataSet(Nd4j.create(bx, new long[]{n, d}, 'c'), Nd4j.create(oh, new long[]{n, numClasses()}, 'c'));
    }

    /** Features as {@code double[n][features]} (for Tribuo and other libraries). */
    public double[][] toDoubleRows() {
        int d = features();
        double[][] rows = new double[size()][d];
        for (int i = 0; i < size(); i++) {
            for (int j = 0; j < d; j++) {
                rows[i][j] = x[i * d + j];
            }
        }
        return rows;
    }

    @Override
    public String toString() {
        return name + ": " + size() + " x " + height + "x" + width + "x" + channels + ", " + numClasses()
                + " classes " + Arrays.toString(labelCounts());
    }

    private List<int[]> indicesByClass() {
        int[] counts = labelCounts();
        List<int[]> byClass = new ArrayList<>();
        int[] fill = new int[counts.length];
        for (int c = 0; c < counts.length; c++) {
            byClass.add(new int[counts[c]]);
        }
        for (int i = 0; i < y.length; i++) {
            byClass.get(y[i])[fill[y[i]]++] = i;
        }
        return byClass;
    }

    static int[] identity(int n) {
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        return idx;
    }

    static void shuffle(int[] a, Random rnd) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    private static void requireCount(String param, int value, int lo, int hi) {
        if (value < lo || value > hi) {
            throw new IllegalArgumentException(param + " must be in [" + lo + ", " + hi + "], got " + value);
        }
    }
}
