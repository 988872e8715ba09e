package org.tunebook.kernel.magic;

import org.junit.jupiter.api.Test;
import org.tunebook.space.Dimension;
import org.tunebook.space.ParamSpec;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ObjectiveSourceTest {

    @Test
    void lastExpressionIsReturned() {
        assertEquals("return (x * x);", ObjectiveSource.implicitReturn("x * x"));
        assertEquals("double y = x * 2;\nreturn (y + 1);", ObjectiveSource.implicitReturn("double y = x * 2;\ny + 1"));
        assertEquals("double y = x;\nreturn (y);", ObjectiveSource.implicitReturn("double y = x;\ny;"));
    }

    @Test
    void bodiesThatReturnOrEndWithABlockAreKept() {
        String explicit = "double y = x;\nreturn y * 2;";
        assertEquals(explicit, ObjectiveSource.implicitReturn(explicit));
        String ifElse = "if (x > 0) {\n  return 1.0;\n} else {\n  return 2.0;\n}\n";
        assertEquals(ifElse, ObjectiveSource.implicitReturn(ifElse));
        String decl = "double acc = 0;\nfor (int i = 0; i < 3; i++) acc += i;\nint unused = 3;";
        assertEquals(decl, ObjectiveSource.implicitReturn(decl), "a declaration is not a value");
    }

    @Test
    void stringsCommentsAndNestedBlocksDoNotSplitStatements() {
        String body = "String s = \"a;b}\"; // ; }\n"
                + "Runnable r = () -> { System.out.println(';'); };\n"
                + "/* x; */ s.length() + x // the value";
        String out = ObjectiveSource.implicitReturn(body);
        assertTrue(out.endsWith("\n/* x; */ return (/* x; */ s.length() + x);// the value")
                || out.contains("return (") && out.contains("s.length() + x);"), out);
        assertTrue(out.startsWith("String s = \"a;b}\"; // ; }\nRunnable r = () -> { System.out.println(';'); };\n"), out);
    }

    @Test
    void parametersBecomeTypedVariables() {
        List<Dimension> dims = List.of(ParamSpec.parse("lr=real(1e-4,1e-1,log)"), ParamSpec.parse("units=int(8,64)"),
                ParamSpec.parse("act=cat(relu,tanh)"), ParamSpec.parse("bs=cat(32,64)"), ParamSpec.parse("bn=cat(true,false)"));
        String src = ObjectiveSource.withImplicitReturn("lr * units", dims);
        assertTrue(src.startsWith("(org.tunebook.kernel.magic.SearchObjective) (trial, __tunebook_params) -> {\n"), src);
        assertTrue(src.contains("double lr = ((Number) __tunebook_params.get(\"lr\")).doubleValue();"), src);
        assertTrue(src.contains("int units = ((Number) __tunebook_params.get(\"units\")).intValue();"), src);
        assertTrue(src.contains("String act = (String) __tunebook_params.get(\"act\");"), src);
        assertTrue(src.contains("int bs = "), src);
        assertTrue(src.contains("boolean bn = (Boolean) "), src);
        assertTrue(src.endsWith("return (lr * units);\n}"), src);
        assertEquals(1 + dims.size(), src.substring(0, src.indexOf("return")).split("\n", -1).length - 1);
    }

    @Test
    void namesThatCannotBeVariablesAreRejected() {
        MagicUsageException e = assertThrows(MagicUsageException.class,
                () -> ObjectiveSource.checkNames("%%search", List.of(ParamSpec.parse("learning-rate=real(0,1)"))));
        assertTrue(e.getMessage().contains("'learning-rate'") && e.getMessage().contains("learning_rate"), e.getMessage());
        e = assertThrows(MagicUsageException.class,
                () -> ObjectiveSource.checkNames("%%search", List.of(ParamSpec.parse("trial=int(0,3)"))));
        assertTrue(e.getMessage().contains("live trial"), e.getMessage());
    }
}
