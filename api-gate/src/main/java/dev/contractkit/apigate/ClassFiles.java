package dev.contractkit.apigate;

import japicmp.cmp.JApiCmpArchive;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/** Class files as japicmp takes them, and the class path this gate runs on. */
final class ClassFiles {

    private ClassFiles() {
    }

    /** The classes of one package tree under a classes folder, as an archive (japicmp reads jars only). */
    static JApiCmpArchive archive(Path classes, String packageName, String label) throws IOException {
        Path root = classes.resolve(packageName.replace('.', '/'));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes)) {
            if (Files.isDirectory(root)) {
                try (Stream<Path> walk = Files.walk(root)) {
                    for (Path file : walk.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                        jar.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                        jar.write(Files.readAllBytes(file));
                        jar.closeEntry();
                    }
                }
            }
        }
        return new JApiCmpArchive(bytes.toByteArray(), label, "0");
    }

    /**
     * The class path of this run (under exec:java, the module's dependencies: the client's own dependencies among
     * them), without the entries under {@code exclude}: the new client must not stand in for the baseline.
     */
    static List<Path> classpath(Path exclude) {
        List<Path> entries = new ArrayList<>();
        // Only this loader: its parents are Maven's own.
        if (Thread.currentThread().getContextClassLoader() instanceof URLClassLoader urls) {
            for (URL url : urls.getURLs()) {
                entries.add(path(url));
            }
        }
        if (entries.isEmpty()) {
            for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
                entries.add(Path.of(entry));
            }
        }
        Path excluded = exclude.toAbsolutePath().normalize();
        return entries.stream().map(p -> p.toAbsolutePath().normalize()).filter(p -> !p.startsWith(excluded))
                .filter(Files::exists).distinct().toList();
    }

    private static Path path(URL url) {
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(url.toString(), e);
        }
    }
}
