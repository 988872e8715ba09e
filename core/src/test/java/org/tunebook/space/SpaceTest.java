package org.tunebook.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpaceTest {

    private static String error(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    @Test
    void invalidDefinitionsNameTheParameterAndTheFix() {
        assertEquals("parameter 'lr': low (0.1) must be less than high (0.01): swap them or widen the range",
                error(() -> Real.uniform("lr", 0.1, 0.01)));
        assertEquals("parameter 'lr': low (0.01) must be less than high (0.01): swap them or widen the range",
                error(() -> Real.uniform("lr", 0.01, 0.01)));
        assertEquals("parameter 'lr': a log range needs low > 0, got low=0.0: use a positive lower bound such as 1e-6, or drop log",
                error(() -> Real.logUniform("lr", 0, 1)));
        assertEquals("parameter 'units': a log range needs low >= 1, got low=0: use low = 1 or drop log",
                error(() -> Int.logUniform("units", 0, 100)));
        assertEquals("parameter 'act': a categorical needs at least one choice: list the values, e.g. cat(relu,tanh)",
                error(() -> Categorical.of("act")));
        assertEquals("parameter 'act': choice relu is listed twice: list each choice once",
                error(() -> Categorical.of("act", "relu", "tanh", "relu")));
        assertEquals("parameter 'drop': high - low = 0.95 is not a multiple of step 0.1: use high = 0.9 or high = 1.0",
                error(() -> Real.stepped("drop", 0.0, 0.95, 0.1)));
        assertEquals("parameter 'batch': high - low = 100 is not a multiple of step 32: use high = 96 or high = 128",
                error(() -> Int.stepped("batch", 0, 100, 32)));
        assertEquals("parameter 'x': step and log cannot be combined: drop one of them",
                error(() -> new Dimension("x", Dimension.named("x", () -> new FloatDistribution(1, 2, true, 0.5)))));
        assertEquals("parameter 'lr' is defined twice: give each dimension its own name",
                error(() -> Space.of(Real.uniform("lr", 0, 1), Int.of("lr", 1, 3))));
    }

    @Test
    void internalAndExternalRoundTrip() {
        FloatDistribution stepped = FloatDistribution.stepped(0.0, 0.5, 0.1);
        assertEquals(0.3, stepped.toExternal(0.29999));
        assertEquals(6, stepped.gridSize());
        assertTrue(stepped.contains(0.3));
        assertFalse(stepped.contains(0.35));
        IntDistribution ints = IntDistribution.stepped(32, 256, 32);
        assertEquals(64, ints.toExternal(70.0));
        assertEquals(8, ints.size());
        CategoricalDistribution cat = CategoricalDistribution.of("relu", 3, true);
        assertEquals(1.0, cat.toInternal(3.0), "numbers compare by value after a JSON round trip");
        assertEquals(true, cat.toExternal(2));
        assertThrows(IllegalArgumentException.class, () -> cat.toInternal("tanh"));
    }

    @Test
    void parsesTheCliAndMagicSyntax() {
        Space s = Space.parse(List.of("lr=real(1e-5,1e-1,log)", "layers=int(1,5)", "batch=int(32,256,step=32)",
                "act=cat(relu,tanh,\"leaky relu\")", "drop=float(0,0.5,step=0.1)", "units=cat(16,32)"));
        assertEquals(FloatDistribution.logUniform(1e-5, 0.1), s.get("lr").distribution());
        assertEquals(IntDistribution.uniform(1, 5), s.get("layers").distribution());
        assertEquals(IntDistribution.stepped(32, 256, 32), s.get("batch").distribution());
        assertEquals(CategoricalDistribution.of("relu", "tanh", "leaky relu"), s.get("act").distribution());
        assertEquals(List.of(16, 32), ((CategoricalDistribution) s.get("units").distribution()).choices());
        assertEquals("lr=real(1.0E-5,0.1,log)", s.get("lr").toString());
        assertEquals("cannot read parameter 'lr=real 1,2': expected " + ParamSpec.SYNTAX, error(() -> ParamSpec.parse("lr=real 1,2")));
        assertEquals("parameter 'lr': unknown kind 'rael' in 'lr=rael(1,2)': use real, int or cat", error(() -> ParamSpec.parse("lr=rael(1,2)")));
        assertEquals("parameter 'n': low 'a' is not a whole number", error(() -> ParamSpec.parse("n=int(a,2)")));
        assertEquals("parameter 'lr': unknown option 'lg' in 'lr=real(1,2,lg)': use log or step=S", error(() -> ParamSpec.parse("lr=real(1,2,lg)")));
    }

    @Test
    void spaceMapsSkoptPointsToNamedParams() {
        Space s = Space.of(Real.logUniform("lr", 1e-4, 1e-1), Int.of("layers", 1, 5), Categorical.of("act", "relu", "tanh"));
        assertEquals(List.of("lr", "layers", "act"), s.names());
        assertEquals(java.util.Map.of("lr", 0.01, "layers", 3, "act", "relu"), s.toParams(List.of(0.01, 3, "relu")));
        assertEquals("parameter 'layers': value 9 is outside int(1,5)", error(() -> s.toParams(List.of(0.01, 9, "relu"))));
        assertTrue(error(() -> s.toParams(List.of(0.01))).startsWith("point [0.01] has 1 values but the space has 3 dimensions"));
    }
}
