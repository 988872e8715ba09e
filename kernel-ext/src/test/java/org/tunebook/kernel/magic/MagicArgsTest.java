package org.tunebook.kernel.magic;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MagicArgsTest {
    static final Set<String> VALUES = Set.of("trials", "param", "seed");

    @Test
    void optionsPositionalsAndRepeatedParams() throws Exception {
        MagicArgs a = MagicArgs.parse("%%search", List.of("random", "--trials", "5", "--param", "x=real(0,1)",
                "--param=n=int(1,3)", "--seed=7"), VALUES, Set.of());
        assertEquals(List.of("random"), a.positional());
        assertEquals(5, a.positiveInt("%%search", "trials", null));
        assertEquals(7L, a.longOption("%%search", "seed"));
        assertEquals(List.of("x=real(0,1)", "n=int(1,3)"), a.all("param"));
    }

    @Test
    void valuesSplitByTheKernelAreJoinedBack() throws Exception {
        // JJava splits act=cat(relu,"leaky relu") into 'act=cat(relu,leaky relu' and ')'
        MagicArgs a = MagicArgs.parse("%%search", List.of("tpe", "--param", "act=cat(relu,leaky", "relu)"), VALUES, Set.of());
        assertEquals(List.of("act=cat(relu,leaky relu)"), a.all("param"));
    }

    @Test
    void mistakesSayWhatToType() {
        MagicUsageException e = assertThrows(MagicUsageException.class,
                () -> MagicArgs.parse("%trials", List.of("--top"), Set.of("top"), Set.of()));
        assertEquals("%trials: --top needs a value, e.g. --top 20 (see %trials --help)", e.getMessage());
        e = assertThrows(MagicUsageException.class,
                () -> MagicArgs.parse("%trials", List.of("--sortt", "value"), Set.of("sort", "top"), Set.of("asc")));
        assertEquals("%trials: unknown option --sortt; known options: --asc, --help, --sort, --top (see %trials --help)", e.getMessage());
        e = assertThrows(MagicUsageException.class, () -> MagicArgs.parse("%%search", List.of("--trials", "many"), VALUES, Set.of())
                .positiveInt("%%search", "trials", 20));
        assertTrue(e.getMessage().contains("--trials must be a positive whole number, got 'many'"), e.getMessage());
    }

    @Test
    void helpIsAlwaysKnown() throws Exception {
        assertTrue(MagicArgs.parse("%plot", List.of("--help"), Set.of(), Set.of()).help());
        assertTrue(MagicArgs.parse("%plot", List.of("-h"), Set.of(), Set.of()).help());
    }
}
