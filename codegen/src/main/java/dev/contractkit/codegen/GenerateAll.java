package dev.contractkit.codegen;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * generated-client's and generated-server's generate-sources step: openapi-generator for every spec in
 * specs/ ({@code <vendor>.yaml}; not overlays, not the baseline/ or examples/ folders), into
 * {@code --output/<vendor>}, then every spec's Java sources together in {@code --sources}, the module's
 * source folder. Regeneration follows every input: a spec is generated again only when its bytes or the
 * configuration (the {@code --inputs} poms, these arguments, this tool's classes) changed; then, and when a spec
 * was removed, the module's classes are deleted so that nothing of an old package survives. With
 * {@code --baselines}, the client of each spec that differs from its accepted baseline is generated too, into
 * {@code --baseline-output/<vendor>}, for api-gate (never compiled into the module).
 */
public final class GenerateAll {

    private GenerateAll() {
    }

    public static void main(String[] args) throws IOException {
        Arguments arguments = Arguments.parse(args);
        Map<String, Path> specs = specs(arguments.folder("specs"));
        Map<String, Map<String, String>> settings = new LinkedHashMap<>();
        specs.keySet().forEach(vendor -> settings.put(vendor, arguments.settingsFor(vendor)));
        distinctPackages(settings);
        String config = new Checksum().files(arguments.inputs()).text(arguments.fingerprint()).ownClasses().hex();
        Path stamps = arguments.folder("stamps");

        Outputs outputs = new Outputs(arguments.folder("output"), stamps.resolve("specs"), config);
        List<String> generated = new ArrayList<>();
        outputs.removeAllBut(specs.keySet());
        for (Map.Entry<String, Path> spec : specs.entrySet()) {
            if (outputs.bring(spec.getKey(), spec.getValue(), settings.get(spec.getKey()))) {
                generated.add(spec.getKey() + " (" + settings.get(spec.getKey()).get("package") + ")");
            }
        }
        // The module's sources are every output's together: gathered again whenever the set of outputs or any of
        // them changed since they were last gathered, which also catches a run that failed half-way.
        Path sources = arguments.folder("sources");
        Path gathered = stamps.resolve("sources.sum");
        String state = outputs.state(specs.keySet());
        if (!Files.isDirectory(sources) || !Files.exists(gathered) || !Files.readString(gathered).equals(state)) {
            Files.deleteIfExists(gathered);
            Trees.delete(arguments.folder("classes"));
            Trees.delete(arguments.folder("compiler-state"));
            Trees.delete(sources);
            Files.createDirectories(sources);
            for (String vendor : specs.keySet()) {
                Trees.copy(outputs.of(vendor).resolve(settings.get(vendor).getOrDefault("sourceFolder", "src/main/java")), sources);
            }
            Files.writeString(gathered, state);
        }
        String label = arguments.optional("label").orElse("codegen");
        writeIndex(arguments.folder("classes"), label, settings);
        System.out.println(generated.isEmpty() ? "[codegen] " + label + ": " + specs.size() + " spec(s) unchanged since last generated"
                : "[codegen] " + label + " generated for " + String.join(", ", generated));

        Optional<Path> baselines = arguments.optional("baselines").map(Path::of);
        if (baselines.isPresent()) {
            baselineClients(specs, settings, baselines.get(), new Outputs(arguments.folder("baseline-output"),
                    stamps.resolve("baselines"), config), label);
        }
    }

    /**
     * META-INF/contract-kit/LABEL.properties in the module's classes: each vendor's packages as generated
     * ({@code layer.package}, {@code layer.apiPackage}, ...), so that the stub finds a vendor's code by reading
     * them, not by deriving the package rule a second time. Written on every run: it is small, and a clean
     * of the classes above would otherwise lose it.
     */
    private static void writeIndex(Path classes, String label, Map<String, Map<String, String>> settings)
            throws IOException {
        StringBuilder index = new StringBuilder("# written by codegen (GenerateAll): each spec's generated packages\n");
        settings.forEach((vendor, s) -> s.forEach((key, value) -> {
            if (key.equals("package") || key.endsWith("Package")) {
                index.append(vendor).append('.').append(key).append('=').append(value).append('\n');
            }
        }));
        Path file = classes.resolve("META-INF/contract-kit/" + label + ".properties");
        Files.createDirectories(file.getParent());
        if (!Files.exists(file) || !Files.readString(file).equals(index.toString())) {
            Files.writeString(file, index.toString());
        }
    }

    /** For each spec that differs from its accepted baseline: the baseline's code, same settings. */
    private static void baselineClients(Map<String, Path> specs, Map<String, Map<String, String>> settings, Path baselines,
            Outputs outputs, String label) throws IOException {
        outputs.removeAllBut(specs.keySet());
        for (Map.Entry<String, Path> spec : specs.entrySet()) {
            Path baseline = baselines.resolve(spec.getValue().getFileName());
            // A spec that is its baseline byte for byte has the baseline's API by construction: nothing to compare.
            if (Files.exists(baseline) && Files.mismatch(spec.getValue(), baseline) != -1
                    && outputs.bring(spec.getKey(), baseline, settings.get(spec.getKey()))) {
                System.out.println("[codegen] " + label + " generated for baseline/" + baseline.getFileName() + ", for api-gate");
            }
        }
    }

    /** Every {@code <vendor>.yaml} in the folder, by vendor, sorted; overlays and sub-folders are not specs. */
    static Map<String, Path> specs(Path folder) throws IOException {
        Map<String, Path> specs = new LinkedHashMap<>();
        if (!Files.isDirectory(folder)) {
            throw new CodegenFailure("no specs folder at " + folder);
        }
        try (Stream<Path> files = Files.list(folder)) {
            files.filter(Files::isRegularFile)
                    .filter(f -> f.toString().endsWith(".yaml") && !f.toString().endsWith(".overlay.yaml"))
                    .sorted().forEach(f -> specs.put(SpecName.vendor(f), f));
        }
        return specs;
    }

    /** Two specs whose names make one package would overwrite each other's classes: refused, both named. */
    private static void distinctPackages(Map<String, Map<String, String>> settings) {
        Map<String, String> byPackage = new LinkedHashMap<>();
        settings.forEach((vendor, s) -> {
            String other = byPackage.putIfAbsent(s.get("package"), vendor);
            if (other != null) {
                throw new CodegenFailure("specs/" + other + ".yaml and specs/" + vendor + ".yaml would both generate package "
                        + s.get("package") + ": rename one of them");
            }
        });
    }
}
