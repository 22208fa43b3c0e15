package io.ptimer.agent.cluster;

import io.ptimer.agent.config.ConfigException;
import java.io.File;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Iterator;
import java.util.ServiceLoader;

/**
 * Loads the cluster jar in a class loader of its own: the JDK's platform classes and this package
 * come from outside, everything else only from the jar. The application's classes (and any
 * JGroups it carries) are never seen, and the jar's never leak out.
 */
final class ClusterLoader extends URLClassLoader {
    /** The cluster jar's name beside the agent jar. */
    static final String DEFAULT_JAR = "ptimer-cluster.jar";
    private static final String SHARED = ClusterEngine.class.getPackageName() + ".";

    static {
        registerAsParallelCapable();
    }

    private ClusterLoader(URL jar) {
        super("ptimer-cluster", new URL[] {jar}, ClassLoader.getPlatformClassLoader());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (name.startsWith(SHARED) && name.indexOf('.', SHARED.length()) < 0) {
            return Class.forName(name, false, ClusterEngine.class.getClassLoader());
        }
        return super.loadClass(name, resolve);
    }

    /**
     * The engine of the jar {@code spec} names (or the one beside the agent jar).
     *
     * @throws ConfigException naming the entry when the jar is missing or holds no engine
     */
    static ClusterEngine engine(ClusterSpec spec) throws ConfigException {
        File jar = jar(spec);
        if (!jar.isFile()) {
            throw ConfigException.entry("cluster", spec.entry(), "the cluster jar " + jar
                    + " is not there (put ptimer-cluster.jar beside the agent jar, or name it with jar=PATH)");
        }
        URL url;
        try {
            url = jar.toURI().toURL();
        } catch (MalformedURLException e) {
            throw ConfigException.entry("cluster", spec.entry(), "the cluster jar " + jar + " has no URL: " + e.getMessage());
        }
        ClusterLoader loader = new ClusterLoader(url);
        Iterator<ClusterEngine> engines = ServiceLoader.load(ClusterEngine.class, loader).iterator();
        if (!engines.hasNext()) {
            throw ConfigException.entry("cluster", spec.entry(), jar + " is not a ptimer cluster jar (it provides no "
                    + ClusterEngine.class.getName() + ")");
        }
        return engines.next();
    }

    private static File jar(ClusterSpec spec) {
        if (spec.jar() != null) {
            return new File(spec.jar()).getAbsoluteFile();
        }
        File agent = agentJar();
        return new File(agent == null ? new File(".").getAbsoluteFile() : agent.getParentFile(), DEFAULT_JAR);
    }

    /** The agent jar: the JVM appends it to the system class path for {@code -javaagent} and attach alike. */
    private static File agentJar() {
        URL url = ClassLoader.getSystemResource(ClusterLoader.class.getName().replace('.', '/') + ".class");
        if (url == null || !url.getProtocol().equals("jar")) {
            return null;
        }
        String path = url.getPath();
        int bang = path.indexOf("!/");
        try {
            return new File(new URL(path.substring(0, bang)).toURI());
        } catch (MalformedURLException | URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }
}
