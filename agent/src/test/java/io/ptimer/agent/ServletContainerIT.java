package io.ptimer.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ptimer.agent.support.ChildJvm;
import io.ptimer.agent.support.Sources;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Web applications in a real servlet container (embedded Tomcat): the route class sits in
 * {@code WEB-INF/classes} of two applications, one exploded and one a packed WAR, and neither
 * loads it. The first application's copy
 * runs the timer, the second is named on stderr; undeploying the first ends the timer (its end route
 * runs) and the second's copy takes over; undeploying that ends it too, and both applications'
 * class loaders are collected.
 */
class ServletContainerIT {
    private static final String ROUTES = "plugin.web.Housekeeping";
    private static final String CONFIG = "timer=name=house;interval=100ms"
            + ",start=timer=house;route=" + ROUTES + "::start"
            + ",loop=timer=house;route=" + ROUTES + "::loop"
            + ",end=timer=house;route=" + ROUTES + "::end";

    @TempDir
    static Path dir;

    @BeforeAll
    static void buildWebApplications() throws Exception {
        Map<String, String> sources = Map.of(
                "plugin/web/Hello.java", String.join("\n",
                        "package plugin.web;",
                        "public class Hello implements jakarta.servlet.ServletContextListener {}"),
                "plugin/web/Housekeeping.java", String.join("\n",
                        "package plugin.web;",
                        "public class Housekeeping {",
                        "    private Object app;",
                        "    public void start() throws ReflectiveOperationException {",
                        "        ClassLoader l = getClass().getClassLoader();",
                        "        app = l.getClass().getMethod(\"getContextName\").invoke(l);",
                        "        say(\"start\");",
                        "    }",
                        "    public void loop() { say(\"loop\"); }",
                        "    public void end() { say(\"end\"); }",
                        "    void say(String route) {",
                        "        System.out.println(\"EV \" + route + \" house 0 app=\" + app);",
                        "        System.out.flush();",
                        "    }",
                        "}"));
        for (String app : List.of("a", "b")) {
            Sources.compile(dir.resolve("src"), sources, tomcatJars(), dir.resolve(app + "/WEB-INF/classes"));
        }
        war(dir.resolve("b"), dir.resolve("b.war"));
        Files.createDirectories(dir.resolve("tomcat"));
    }

    /** Packs the web application in {@code exploded} into the WAR {@code war}. */
    private static void war(Path exploded, Path war) throws Exception {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(war));
             Stream<Path> files = Files.walk(exploded)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                zip.putNextEntry(new ZipEntry(exploded.relativize(f).toString().replace(File.separatorChar, '/')));
                Files.copy(f, zip);
                zip.closeEntry();
            }
        }
    }

    private static String tomcatJars() throws Exception {
        try (Stream<Path> jars = Files.list(Path.of(System.getProperty("ptimer.host.libs"), "tomcat"))) {
            return String.join(File.pathSeparator, jars.map(Path::toString).toList());
        }
    }

    @Test
    void theFirstApplicationsClassRunsTheTimerUntilUndeployedAndNoLoaderLeaks() throws Exception {
        ChildJvm.Result r = new ChildJvm().agent(CONFIG)
                .classpath(ChildJvm.testClasspath() + File.pathSeparator + tomcatJars())
                .run(Duration.ofSeconds(60), "io.ptimer.agent.hosts.TomcatHost", dir.resolve("tomcat").toString(),
                        dir.resolve("a").toString(), dir.resolve("b.war").toString());
        assertEquals(0, r.exit(), r::toString);
        List<String> all = r.stdout().lines().toList();
        int deployingB = all.indexOf("DEPLOYING /b");
        int undeployedA = all.indexOf("UNDEPLOYED /a");
        int undeployedB = all.indexOf("UNDEPLOYED /b");
        assertTrue(all.indexOf("EV start house 0 app=a") > all.indexOf("DEPLOYING /a"), r::toString);
        assertTrue(all.subList(0, deployingB).contains("EV loop house 0 app=a"), r::toString);
        assertTrue(r.stderr().contains("ptimer: class " + ROUTES + " is also visible through "), r::toString);
        assertTrue(r.stderr().contains("(web application b); the agent keeps using the one of "), r::toString);
        assertTrue(r.stderr().contains("(web application a), the first class loader that could see it"), r::toString);
        assertTrue(!all.subList(0, undeployedA).contains("EV loop house 0 app=b"), r::toString);
        List<String> afterA = all.subList(undeployedA, undeployedB);
        assertTrue(afterA.contains("EV end house 0 app=a"), r::toString);
        assertTrue(afterA.indexOf("EV start house 0 app=b") > afterA.indexOf("EV end house 0 app=a"), r::toString);
        assertTrue(afterA.contains("EV loop house 0 app=b"), r::toString);
        List<String> afterB = all.subList(undeployedB, all.size());
        assertTrue(afterB.contains("EV end house 0 app=b"), r::toString);
        assertEquals(List.of(), afterB.stream().filter(l -> l.startsWith("EV loop")).skip(2).toList(),
                "the timer ends with its last application:\n" + r);
        assertTrue(all.contains("COLLECTED /a"), r::toString);
        assertTrue(all.contains("COLLECTED /b"), r::toString);
    }
}
