package org.tunebook.dl4j.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Reads the IDX files of MNIST and Fashion-MNIST (plain or gzip-compressed). */
final class Idx {
    private Idx() {
    }

    /** Images as floats in [0, 1] (pixel / 255), row-major; returns {count, rows, cols} in {@code shape}. */
    static float[] readImages(Path file, int[] shape) throws IOException {
        try (DataInputStream in = open(file)) {
            int magic = in.readInt();
            if (magic != 0x00000803) {
                throw new IOException(file + " is not an IDX image file (magic " + Integer.toHexString(magic) + ")");
            }
            int n = in.readInt();
            int rows = in.readInt();
            int cols = in.readInt();
            byte[] raw = new byte[n * rows * cols];
            in.readFully(raw);
            float[] out = new float[raw.length];
            for (int i = 0; i < raw.length; i++) {
                out[i] = (raw[i] & 0xFF) / 255f;
            }
            shape[0] = n;
            shape[1] = rows;
            shape[2] = cols;
            return out;
        }
    }

    static int[] readLabels(Path file) throws IOException {
        try (DataInputStream in = open(file)) {
            int magic = in.readInt();
            if (magic != 0x00000801) {
                throw new IOException(file + " is not an IDX label file (magic " + Integer.toHexString(magic) + ")");
            }
            int n = in.readInt();
            byte[] raw = new byte[n];
            in.readFully(raw);
            int[] out = new int[n];
            for (int i = 0; i < n; i++) {
                out[i] = raw[i] & 0xFF;
            }
            return out;
        }
    }

    private static DataInputStream open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        if (file.getFileName().toString().endsWith(".gz")) {
            in = new GZIPInputStream(in, 1 << 16);
        }
        return new DataInputStream(in);
    }

    /** Loads {@code prefix}-images-idx3-ubyte and {@code prefix}-labels-idx1-ubyte from {@code dir}. */
    static LabeledData load(String name, Path dir, String prefix, java.util.List<String> classes) throws IOException {
        Path images = DataCache.findPlainOrGz(dir, prefix + "-images-idx3-ubyte");
        Path labels = DataCache.findPlainOrGz(dir, prefix + "-labels-idx1-ubyte");
        if (images == null || labels == null) {
            throw new java.io.FileNotFoundException(dir.resolve(prefix + "-images-idx3-ubyte").toString());
        }
        int[] shape = new int[3];
        float[] x = readImages(images, shape);
        int[] y = readLabels(labels);
        if (y.length != shape[0]) {
            throw new IOException(images + " has " + shape[0] + " images but " + labels + " has " + y.length + " labels");
        }
        return new LabeledData(name, x, y, shape[1], shape[2], 1, classes);
    }
}
