package io.ptimer.agent.hosts;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import net.bytebuddy.ByteBuddy;

/**
 * A host with its own Byte Buddy and java.util.logging set-up. It prints the Byte Buddy it uses,
 * what its logging caught from the agent, and the sockets the process listens on.
 */
public final class IsolationHost {
    private IsolationHost() {
    }

    public static void main(String[] args) throws Exception {
        Logger ptimer = Logger.getLogger("io.ptimer");
        ptimer.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                Events.say("JUL " + record.getLevel() + " " + record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
        Class<?> made = new ByteBuddy().subclass(Object.class).name("host.Made").make()
                .load(IsolationHost.class.getClassLoader()).getLoaded();
        Events.say("HOST-BB " + ByteBuddy.class.getProtectionDomain().getCodeSource().getLocation().getPath()
                .replaceAll(".*/", "") + " made " + made.getName());
        Thread.sleep(Long.getLong("host.millis", 1500));
        for (String listen : listeningSockets()) {
            Events.say("LISTEN " + listen);
        }
        Events.say("MAIN done");
    }

    /** Local addresses of TCP sockets in LISTEN state that this process holds. */
    static Set<String> listeningSockets() throws IOException {
        Set<String> inodes = new HashSet<>();
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc/self/fd"))) {
            for (Path fd : fds) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException e) {
                    // closed meanwhile
                }
            }
        }
        Set<String> listening = new HashSet<>();
        for (String table : List.of("/proc/self/net/tcp", "/proc/self/net/tcp6")) {
            Path path = Path.of(table);
            if (!Files.exists(path)) {
                continue;
            }
            for (String line : Files.readAllLines(path)) {
                String[] f = line.trim().split("\\s+");
                if (f.length > 9 && f[3].equals("0A") && inodes.contains(f[9])) {
                    listening.add(f[1]);
                }
            }
        }
        return listening;
    }
}
