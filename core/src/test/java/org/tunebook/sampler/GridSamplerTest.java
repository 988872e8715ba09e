package org.tunebook.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tunebook.study.FrozenTrial;
import org.tunebook.study.Study;

class GridSamplerTest {
    @Test
    void unorderedMapsAreTakenInNameOrderSoEveryJvmNumbersPointsAlike() {
        GridSampler g = new GridSampler(Map.of("b", List.of(1, 2), "a", List.of("x", "y"), "c", List.of(true)));
        assertEquals(List.of("a", "b", "c"), List.copyOf(g.point(0).keySet()));
        assertEquals(Map.of("a", "x", "b", 2, "c", true), g.point(1));
        Map<String, List<?>> ordered = new LinkedHashMap<>();
        ordered.put("z", List.of(1, 2));
        ordered.put("a", List.of(3));
        assertEquals(List.of("z", "a"), List.copyOf(new GridSampler(ordered).point(0).keySet()), "insertion order is kept");
    }

    @Test
    void everyPointOnceThenTheStudyStops() {
        GridSampler g = new GridSampler(Map.of("n", List.of(1, 2, 3), "act", List.of("relu", "tanh")));
        Study s = Study.builder("grid").sampler(g).create();
        s.optimize(t -> t.suggestInt("n", 1, 3) + (t.suggestCategorical("act", "relu", "tanh").equals("relu") ? 0 : 10), 100);
        assertEquals(6, s.trials().size());
        assertEquals(6, s.trials().stream().map(FrozenTrial::params).distinct().count());
    }
}
