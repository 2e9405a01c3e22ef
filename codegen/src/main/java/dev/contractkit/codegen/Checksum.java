package dev.contractkit.codegen;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/** SHA-256 checksums of what generation depends on: files' bytes, text, and this tool's own classes. */
final class Checksum {

    private final MessageDigest digest;

    Checksum() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    Checksum text(String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        return this;
    }

    Checksum file(Path file) throws IOException {
        text(file.toString());
        digest.update(Files.readAllBytes(file));
        return this;
    }

    Checksum files(List<Path> files) throws IOException {
        for (Path file : files) {
            file(file);
        }
        return this;
    }

    /**
     * This tool's class files, from its classes folder (in the reactor) or its jar: a change to how it generates
     * (the package rule, say) regenerates, while a rebuilt but identical tool does not (javac's output is
     * stable; a jar's timestamps are not read).
     */
    Checksum ownClasses() throws IOException {
        Path location;
        try {
            location = Path.of(Checksum.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        if (Files.isDirectory(location)) {
            try (Stream<Path> walk = Files.walk(location)) {
                for (Path file : walk.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                    text(location.relativize(file).toString());
                    digest.update(Files.readAllBytes(file));
                }
            }
            return this;
        }
        try (JarFile jar = new JarFile(location.toFile())) {
            for (JarEntry entry : jar.stream().filter(e -> e.getName().endsWith(".class"))
                    .sorted(java.util.Comparator.comparing(JarEntry::getName)).toList()) {
                text(entry.getName());
                try (InputStream in = jar.getInputStream(entry)) {
                    digest.update(in.readAllBytes());
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return this;
    }

    String hex() {
        return HexFormat.of().formatHex(digest.digest());
    }
}
