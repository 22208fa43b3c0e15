package io.ptimer.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The hand-written line scanner accepts exactly the lines the grammar's regular expressions
 * accept, with the same parts, over a corpus of well- and ill-formed lines.
 */
class LineSyntaxTest {
    private static final Pattern MODPARAM = Pattern.compile("modparam\\s*\\(\\s*\"([^\"]*)\"\\s*,\\s*\"([^\"]*)\"\\s*,"
            + "\\s*(?:\"([^\"]*)\"|([^\\s\"()]+))\\s*\\)\\s*;?\\s*(?:#.*)?");
    private static final Pattern KEY_VALUE = Pattern.compile("([A-Za-z_][A-Za-z0-9_.]*)\\s*=\\s*(.*)");

    private static final String[] LINES = {
        "modparam(\"ptimer\", \"timer\", \"name=t;interval=1s\")",
        "modparam ( \"rtimer\" , \"timer\" , \"name=a;interval=10u;mode=1\" ) ;",
        "modparam(\"ptimer\",\"shutdown_timeout\",5)",
        "modparam(\"ptimer\", \"timer\", \"x\"); # a comment",
        "modparam(\"ptimer\", \"timer\", \"x\")#tight",
        "modparam(\"ptimer\", \"timer\", \"\")",
        "modparam(\"\", \"\", \"\")",
        "modparam(\"ptimer\", \"timer\", x y)",
        "modparam(\"ptimer\", \"timer\", \"x\"",
        "modparam(\"ptimer\", \"timer\", \"x) ",
        "modparam(\"ptimer\" \"timer\", \"x\")",
        "modparam(ptimer, \"timer\", \"x\")",
        "modparam(\"ptimer\", \"timer\", \"x\") extra",
        "modparam(\"ptimer\", \"timer\", \"x\");;",
        "modparam(\"ptimer\", \"timer\", (x))",
        "modparamx(\"a\", \"b\", \"c\")",
        "timer = name=t;interval=1s",
        "timer=name=t",
        "rtimer.timer =   name=a ",
        "_x.y_1 = \"quoted\"",
        "async_workers=4",
        "1timer = x",
        "timer x",
        "= x",
        "timer =",
        "ti-mer = x",
        "timer\t=\tx",
    };

    @Test
    void modparamLinesMatchTheGrammar() {
        for (String line : LINES) {
            Matcher m = MODPARAM.matcher(line);
            LineSyntax.Modparam parsed = LineSyntax.modparam(line);
            if (m.matches()) {
                assertTrue(parsed != null, line);
                assertEquals(m.group(1), parsed.module(), line);
                assertEquals(m.group(2), parsed.key(), line);
                assertEquals(m.group(3) != null ? m.group(3) : m.group(4), parsed.value(), line);
            } else {
                assertNull(parsed, line);
            }
        }
    }

    @Test
    void keyValueLinesMatchTheGrammar() {
        for (String line : LINES) {
            Matcher m = KEY_VALUE.matcher(line);
            LineSyntax.KeyValue parsed = LineSyntax.keyValue(line);
            if (m.matches()) {
                assertTrue(parsed != null, line);
                assertEquals(m.group(1), parsed.key(), line);
                assertEquals(m.group(2), parsed.value(), line);
            } else {
                assertNull(parsed, line);
            }
        }
    }

    @Test
    void namesAndJavaNames() {
        assertTrue(Names.isName("queue_timer-1.a"));
        assertFalse(Names.isName(""));
        assertFalse(Names.isName("a b"));
        assertTrue(Names.isJavaName("com.example.Jobs", true));
        assertTrue(Names.isJavaName("Jobs$Inner", true));
        assertFalse(Names.isJavaName("com..Jobs", true));
        assertFalse(Names.isJavaName("com.Jobs.", true));
        assertFalse(Names.isJavaName(".Jobs", true));
        assertFalse(Names.isJavaName("com.Jobs", false));
        assertFalse(Names.isJavaName("1tick", false));
        assertTrue(Names.isMicros(" 100 u "));
        assertTrue(Names.isMicros("100u"));
        assertFalse(Names.isMicros("u"));
        assertFalse(Names.isMicros("100"));
        assertFalse(Names.isMicros("1 0u"));
    }
}
