package io.ptimer.agent.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Enumeration;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * A copy of the agent jar for loading into a running JVM: the same classes, without the manifest's
 * {@code Boot-Class-Path}. That attribute speeds up {@code -javaagent}; honoured at run time it would
 * make the JVM print a class-sharing warning on the host's stderr and put the agent's classes beside,
 * not instead of, any the application has already loaded from the jar.
 */
final class AttachableJar {
    private static final Attributes.Name BOOT_CLASS_PATH = new Attributes.Name("Boot-Class-Path");

    private AttachableJar() {
    }

    /**
     * Writes the copy to a new file in the temporary directory, readable by the target JVM's user.
     * The caller deletes it once the target has loaded the agent (see {@link #delete}).
     */
    static Path of(Path agentJar) throws IOException {
        Path copy = Files.createTempFile("ptimer-agent-attach-", ".jar");
        try (JarFile in = new JarFile(agentJar.toFile())) {
            Manifest manifest = new Manifest(in.getManifest());
            manifest.getMainAttributes().remove(BOOT_CLASS_PATH);
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(copy), manifest)) {
                copyEntries(in, out);
            }
            readableByAll(copy);
            return copy;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(copy);
            throw e;
        }
    }

    private static void copyEntries(JarFile in, JarOutputStream out) throws IOException {
        for (Enumeration<JarEntry> entries = in.entries(); entries.hasMoreElements();) {
            JarEntry entry = entries.nextElement();
            if (entry.getName().equalsIgnoreCase(JarFile.MANIFEST_NAME)) {
                continue;
            }
            out.putNextEntry(new JarEntry(entry.getName()));
            try (InputStream body = in.getInputStream(entry)) {
                body.transferTo(out);
            }
            out.closeEntry();
        }
    }

    private static void readableByAll(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            file.toFile().setReadable(true, false);
        }
    }

    /**
     * Removes the copy once the target has opened it; where the platform refuses to delete an open
     * file, it stays in the temporary directory.
     */
    static void delete(Path copy) {
        try {
            Files.deleteIfExists(copy);
        } catch (IOException e) {
            copy.toFile().deleteOnExit();
        }
    }
}
