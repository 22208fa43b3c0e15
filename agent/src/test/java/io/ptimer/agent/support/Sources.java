package io.ptimer.agent.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.ToolProvider;

/** Classes of an application that the test host does not have on its class path, compiled for a test. */
public final class Sources {
    private Sources() {
    }

    /**
     * Writes each source (by its path under {@code src}, e.g. {@code plugin/A.java}) and compiles
     * them all into {@code out}.
     */
    public static void compile(Path src, Map<String, String> sources, String classpath, Path out) throws IOException {
        List<String> args = new ArrayList<>(List.of("-d", out.toString(), "-cp", classpath));
        for (Map.Entry<String, String> s : sources.entrySet()) {
            Path file = src.resolve(s.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, s.getValue());
            args.add(file.toString());
        }
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(String[]::new)),
                "the sources compile");
    }
}
