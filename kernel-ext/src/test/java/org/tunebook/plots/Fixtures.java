package org.tunebook.plots;

import org.tunebook.sampler.GridSampler;
import org.tunebook.sampler.RandomSampler;
import org.tunebook.space.Categorical;
import org.tunebook.space.Int;
import org.tunebook.space.Real;
import org.tunebook.space.Space;
import org.tunebook.study.Direction;
import org.tunebook.study.Study;
import org.tunebook.study.Trial;
import org.tunebook.study.TrialPruned;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real studies for the plot tests: random and grid samplers, pruned trials, several objectives. */
final class Fixtures {
    private Fixtures() {
    }

    /** A mixed objective: Branin-like in x, a bowl in log10(lr) around 1e-2, a step in units, an offset per activation. */
    static double mixed(double x, double lr, int units, String act) {
        double l = Math.log10(lr) + 2;
        double a = switch (act) {
            case "relu" -> 0.0;
            case "tanh" -> 0.5;
            default -> 1.5;
        };
        return Math.pow(x - 2.5, 2) / 4 + 3 * l * l + (units < 8 ? 1 : 0) + a + Math.sin(x) * 0.3;
    }

    static double objective(Trial t) {
        double x = t.suggestFloat("x", -5, 10);
        double lr = t.suggestFloat("lr", 1e-4, 1e-1, true);
        int units = t.suggestInt("units", 5, 15);
        String act = t.suggestCategorical("act", "relu", "tanh", "sigmoid");
        return mixed(x, lr, units, act);
    }

    static Study random(int trials, long seed) {
        Study s = Study.builder("random-" + seed).minimize().sampler(new RandomSampler(seed)).create();
        s.optimize(Fixtures::objective, trials);
        return s;
    }

    static Study grid() {
        Map<String, List<?>> grid = new java.util.LinkedHashMap<>();
        grid.put("x", List.of(-5.0, -2.0, 1.0, 2.5, 4.0, 7.0, 10.0));
        grid.put("lr", List.of(1e-4, 1e-3, 1e-2, 1e-1));
        grid.put("units", List.of(5, 10, 15));
        grid.put("act", List.of("relu", "tanh", "sigmoid"));
        Study s = Study.builder("grid").minimize().sampler(new GridSampler(grid)).create();
        s.optimize(Fixtures::objective, 1000);
        return s;
    }

    /** Maximize with learning curves: trials whose curve is poor at step 3 are pruned. */
    static Study curves(long seed) {
        Study s = Study.builder("curves").maximize().sampler(new RandomSampler(seed)).create();
        s.optimize(t -> {
            double lr = t.suggestFloat("lr", 1e-4, 1e-1, true);
            int depth = t.suggestInt("depth", 1, 6);
            double target = 0.95 - 0.08 * Math.abs(Math.log10(lr) + 2) - 0.01 * Math.abs(depth - 4);
            double acc = 0;
            for (int step = 0; step < 12; step++) {
                acc = target * (1 - Math.exp(-(step + 1) / 3.0));
                t.report(acc, step);
                if (step == 3 && acc < 0.6) throw new TrialPruned();
            }
            return acc;
        }, 40);
        return s;
    }

    static Study multi(int objectives, long seed) {
        Direction[] ds = new Direction[objectives];
        java.util.Arrays.fill(ds, Direction.MINIMIZE);
        Study s = Study.builder("multi-" + objectives).directions(ds).sampler(new RandomSampler(seed)).create();
        s.optimizeMulti(t -> {
            double x = t.suggestFloat("x", 0, 2);
            double y = t.suggestFloat("y", 0, 1);
            double[] v = new double[objectives];
            v[0] = x * x + y;
            v[1] = (x - 2) * (x - 2) + y;
            for (int k = 2; k < objectives; k++) v[k] = (x - 1) * (x - 1) + (1 - y);
            return v;
        }, 60);
        return s;
    }

    static Space space() {
        return Space.of(Real.uniform("x", -5, 10), Real.logUniform("lr", 1e-4, 1e-1), Int.of("units", 5, 15),
                Categorical.of("act", "relu", "tanh", "sigmoid"));
    }

    /** Decodes the PNG, checks its size, and (with -Dtunebook.plots.preview=DIR) keeps a copy to look at. */
    static BufferedImage png(Plot p, String name) {
        byte[] bytes = p.toPngBytes();
        assertTrue(bytes.length > 2000, name + ": PNG of " + bytes.length + " bytes");
        BufferedImage img;
        try {
            img = ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new AssertionError(name + ": PNG not decodable", e);
        }
        assertNotNull(img, name + ": ImageIO could not read the PNG");
        assertEquals(p.width(), img.getWidth(), name + " width");
        assertEquals(p.height(), img.getHeight(), name + " height");
        assertTrue(colours(img) > 8, name + ": the image is nearly blank");
        String dir = System.getProperty("tunebook.plots.preview");
        if (dir != null && !dir.isBlank()) p.savePng(Path.of(dir, name + ".png"));
        return img;
    }

    /** Number of distinct colours in a sample of pixels. */
    static int colours(BufferedImage img) {
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 3) for (int x = 0; x < img.getWidth(); x += 3) seen.add(img.getRGB(x, y));
        return seen.size();
    }
}
