package dev.contractkit.codegen;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One folder of generator outputs, a sub-folder a vendor ({@code target/generated-sources/<vendor>}), each
 * stamped with what it was generated from: the configuration's checksum and the spec's. A stamp is written
 * only once its generation succeeded, so a failed or interrupted run regenerates next time.
 */
final class Outputs {

    private final Path root;
    private final Path stamps;
    private final String config;

    Outputs(Path root, Path stamps, String config) {
        this.root = root;
        this.stamps = stamps;
        this.config = config;
    }

    Path of(String vendor) {
        return root.resolve(vendor);
    }

    /** Generates the vendor's output from {@code spec} unless it is there from the same inputs; true if it generated. */
    boolean bring(String vendor, Path spec, Map<String, String> settings) throws IOException {
        Path stamp = stamps.resolve(vendor + ".sum");
        String inputs = config + " " + new Checksum().file(spec).hex();
        if (Files.isDirectory(of(vendor)) && Files.exists(stamp) && Files.readString(stamp).equals(inputs)) {
            return false;
        }
        Files.deleteIfExists(stamp);
        Trees.delete(of(vendor));
        OpenApiGenerator.generate(spec, of(vendor), settings);
        Files.createDirectories(stamps);
        Files.writeString(stamp, inputs);
        return true;
    }

    /** What the outputs of {@code vendors} were generated from, all together: their stamps, in order. */
    String state(java.util.Collection<String> vendors) throws IOException {
        StringBuilder out = new StringBuilder();
        for (String vendor : vendors) {
            Path stamp = stamps.resolve(vendor + ".sum");
            out.append(vendor).append(' ').append(Files.exists(stamp) ? Files.readString(stamp) : "-").append('\n');
        }
        return out.toString();
    }

    /** Removes the output and stamp of every vendor not in {@code vendors}: a spec removed or renamed. */
    void removeAllBut(Set<String> vendors) throws IOException {
        for (Path folder : list(root)) {
            if (Files.isDirectory(folder) && !vendors.contains(folder.getFileName().toString())) {
                Trees.delete(folder);
            }
        }
        for (Path stamp : list(stamps)) {
            if (!vendors.contains(stamp.getFileName().toString().replaceFirst("\\.sum$", ""))) {
                Files.delete(stamp);
            }
        }
    }

    private static java.util.List<Path> list(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return java.util.List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }
}
