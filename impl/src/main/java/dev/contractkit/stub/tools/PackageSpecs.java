package dev.contractkit.stub.tools;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.contractkit.stub.spec.PackagedSpecs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The build step that packages the specs the stub serves ({@link PackagedSpecs} reads them). Not part of the stub. */
public final class PackageSpecs {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PackageSpecs() {
    }

    /**
     * Build step: writes NAME.packaged.json for every NAME.yaml (not overlays) in the folder given, and the
     * index of their names. Given the specs folder the resources were copied from (second argument), first
     * removes the copies of specs no longer there: resource copying never deletes, so a vendor file taken out
     * of specs/ would otherwise stay packaged, and the stub mount a vendor with no generated code.
     */
    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args[0]);
        if (args.length > 1) {
            removeGone(folder, Path.of(args[1]));
        }
        List<String> names = new ArrayList<>();
        try (var files = Files.list(folder)) {
            for (Path yaml : files.filter(f -> f.toString().endsWith(".yaml") && !f.toString().endsWith(".overlay.yaml"))
                    .sorted().toList()) {
                String name = yaml.getFileName().toString().replaceFirst("\\.yaml$", "");
                names.add(name);
                Path overlay = folder.resolve(name + ".overlay.yaml");
                byte[] spec = Files.readAllBytes(yaml);
                byte[] overlayBytes = Files.exists(overlay) ? Files.readAllBytes(overlay) : null;
                Path target = folder.resolve(name + ".packaged.json");
                String source = PackagedSpecs.sha256(spec, overlayBytes);
                if (Files.exists(target) && source.equals(JSON.readTree(target.toFile()).path("source").asText())) {
                    continue; // unchanged: a rewrite would make the runnable jar look stale and be shaded again
                }
                ObjectNode packaged = JSON.createObjectNode().put("source", source);
                packaged.set("document", PackagedSpecs.applied(spec, overlayBytes, name));
                JSON.writeValue(target.toFile(), packaged);
            }
        }
        String index = String.join("\n", names) + "\n";
        Path indexFile = folder.resolve(PackagedSpecs.INDEX);
        if (!Files.exists(indexFile) || !Files.readString(indexFile).equals(index)) {
            Files.writeString(indexFile, index);
        }
    }

    /** Deletes NAME.yaml, NAME.overlay.yaml and NAME.packaged.json of the folder where specs has no such file. */
    private static void removeGone(Path folder, Path specs) throws IOException {
        try (var files = Files.list(folder)) {
            for (Path copy : files.toList()) {
                String file = copy.getFileName().toString();
                String source = file.endsWith(".packaged.json") ? file.replaceFirst("\\.packaged\\.json$", ".yaml") : file;
                if (source.endsWith(".yaml") && !Files.exists(specs.resolve(source))) {
                    Files.delete(copy);
                }
            }
        }
    }

}
