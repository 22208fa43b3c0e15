package io.ptimer.agent.hosts;

import java.lang.ref.WeakReference;
import org.apache.catalina.Context;
import org.apache.catalina.core.StandardContext;
import org.apache.catalina.startup.Tomcat;

/**
 * Embedded Tomcat with two web applications that carry the same classes: args are Tomcat's base
 * directory and the two applications (an exploded WAR directory or a packed WAR file). It deploys {@code /a}, then
 * {@code /b}, undeploys {@code /a}, then {@code /b}, and says whether their class loaders were
 * collected. Each application's listener is the only class it loads itself; no connector is opened.
 */
public final class TomcatHost {
    private TomcatHost() {
    }

    public static void main(String[] args) throws Exception {
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(args[0]);
        tomcat.getHost().setAutoDeploy(false);
        tomcat.start();
        Context a = deploy(tomcat, "/a", args[1]);
        WeakReference<ClassLoader> loaderA = new WeakReference<>(a.getLoader().getClassLoader());
        Thread.sleep(1200);
        Context b = deploy(tomcat, "/b", args[2]);
        WeakReference<ClassLoader> loaderB = new WeakReference<>(b.getLoader().getClassLoader());
        Thread.sleep(800);
        tomcat.getHost().removeChild(a);
        a = null;
        Events.say("UNDEPLOYED /a");
        Thread.sleep(1500);
        tomcat.getHost().removeChild(b);
        b = null;
        Events.say("UNDEPLOYED /b");
        Thread.sleep(1000);
        long until = System.nanoTime() + 10_000_000_000L;
        while ((loaderA.get() != null || loaderB.get() != null) && System.nanoTime() - until < 0) {
            System.gc();
            Thread.sleep(100);
        }
        Events.say((loaderA.get() == null ? "COLLECTED" : "LEAKED") + " /a");
        Events.say((loaderB.get() == null ? "COLLECTED" : "LEAKED") + " /b");
        tomcat.stop();
        tomcat.destroy();
        Events.say("MAIN done");
    }

    private static Context deploy(Tomcat tomcat, String path, String dir) {
        Context c = new StandardContext();
        c.setName(path);
        c.setPath(path);
        c.setDocBase(dir);
        c.addLifecycleListener(new Tomcat.FixContextListener());
        c.addApplicationListener("plugin.web.Hello");
        Events.say("DEPLOYING " + path);
        tomcat.getHost().addChild(c);
        return c;
    }
}
