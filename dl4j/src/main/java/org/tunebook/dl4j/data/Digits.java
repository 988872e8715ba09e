package org.tunebook.dl4j.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The 8x8 handwritten digits of scikit-learn's {@code load_digits()} (UCI optdigits test part): 1,797
 * images, pixel values 0..16, labels 0-9. Read from {@code $TUNEBOOK_DATA/digits/digits.csv.gz}, the file
 * scikit-learn ships ({@code sklearn/datasets/data/digits.csv.gz}: 64 pixel columns then the label), copied
 * there by {@code scripts/setup.d/20-data.sh}.
 */
public final class Digits {
    /** Number of images. */
    public static final int SIZE = 1797;
    static final String FILE = "digits.csv.gz";
    static final String SOURCE = "https://raw.githubusercontent.com/scikit-learn/scikit-learn/1.5.2/sklearn/datasets/data/digits.csv.gz";

    private Digits() {
    }

    /** The cache folder for the digits. */
    public static Path directory() {
        return DataCache.directory().resolve("digits");
    }

    /** Pixels scaled to [0, 1] (value / 16). */
    public static LabeledData load() {
        return load(true);
    }

    /**
     * @param normalize {@code true}: value / 16 in [0, 1]; {@code false}: the raw 0..16 values, exactly what
     *                  scikit-learn's {@code load_digits().data} holds (seed 001 trains on those)
     */
    public static LabeledData load(boolean normalize) {
        Path dir = directory();
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            Exception cause = null;
            if (DataCache.downloadsAllowed()) {
                try {
                    DataCache.download(DataCache.source("digits/" + FILE, SOURCE), file);
                } catch (IOException e) {
                    cause = e;
                }
            }
            if (!Files.isRegularFile(file)) {
                throw DataCache.missing("Digits", dir, List.of(FILE),
                        "it copies sklearn/datasets/data/digits.csv.gz from the project's Python venv", cause);
            }
        }
        try {
            return read(file, normalize);
        } catch (IOException | RuntimeException e) {
            throw new UncheckedIOException("cannot read the digits from " + file + ": " + e.getMessage()
                    + "; delete it and run `" + DataCache.SETUP_COMMAND + "` again",
                    e instanceof IOException io ? io : new IOException(e));
        }
    }

    private static LabeledData read(Path file, boolean normalize) throws IOException {
        List<float[]> rows = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file));
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            String line;
            int lineNo = 0;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String[] parts = line.split(",");
                if (parts.length != 65) {
                    throw new IOException("line " + lineNo + " has " + parts.length + " columns, expected 65");
                }
                float[] row = new float[64];
                for (int j = 0; j < 64; j++) {
                    float v = Float.parseFloat(parts[j].trim());
                    row[j] = normalize ? v / 16f : v;
                }
                rows.add(row);
                labels.add((int) Double.parseDouble(parts[64].trim()));
            }
        }
        float[] x = new float[rows.size() * 64];
        int[] y = new int[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(rows.get(i), 0, x, i * 64, 64);
            y[i] = labels.get(i);
        }
        return new LabeledData("digits", x, y, 8, 8, 1, Mnist.CLASSES);
    }
}
