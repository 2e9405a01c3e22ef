package dev.contractkit.apigate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Right after the client is generated: each spec's client Java API against the client generated from its
 * accepted baseline (specs/baseline/), with the same configuration. A wire-compatible spec change can still
 * rename generated classes; code compiled against the old jar then no longer compiles. Fails naming each such
 * change, warns of binary-only ones, and adds "Your Java" to the spec's changelog. A spec that is its baseline
 * byte for byte needs no comparison; an unchanged build skips the whole gate.
 */
public final class ApiGate {

    private ApiGate() {
    }

    /** Arguments: specs folder, generated-client folder, this module's target, changelog folder, accept. */
    public static void main(String[] args) throws IOException {
        Path specs = Path.of(args[0]);
        Path client = Path.of(args[1]);
        Path work = Path.of(args[2]);
        Path reports = Path.of(args[3]);
        boolean accept = Boolean.parseBoolean(args[4]);
        Path stamp = reports.resolve("api-checked.sha256");
        List<Path> inputs = inputs(specs, client);
        if (!accept && Files.exists(stamp) && Files.readString(stamp).equals(Stamp.of(inputs))) {
            System.out.println("[api-gate] specs, baselines and generator configuration unchanged since the client API last passed");
            return;
        }
        List<String> breaks = new ArrayList<>();
        int compared = 0;
        for (Path spec : specFiles(specs)) {
            Path baseline = specs.resolve("baseline").resolve(spec.getFileName());
            if (Files.exists(baseline) && Files.mismatch(spec, baseline) != -1) {
                compared++;
            }
            breaks.addAll(check(spec, baseline, client, work, reports));
        }
        if (compared == 0) {
            System.out.println("[api-gate] every spec is its baseline: the client's Java API is the baseline's");
        }
        if (!breaks.isEmpty() && !accept) {
            throw new GateFailure("The specs changed in ways that break Java code using the client:\n  - "
                    + String.join("\n  - ", breaks) + "\nThe changelog (\"Your Java\") is in " + reports
                    + ". If the vendor really changed: ./mvnw -q -pl spec-gate process-classes -Daccept-specs=<vendor>");
        }
        Files.createDirectories(reports);
        Files.writeString(stamp, Stamp.of(inputs));
    }

    /** The source-incompatible changes of one spec's client, after printing its summary and its changelog section. */
    static List<String> check(Path spec, Path baseline, Path client, Path work, Path reports) throws IOException {
        String name = spec.getFileName().toString();
        String stem = name.replaceFirst("\\.yaml$", "");
        Path changelog = reports.resolve(stem + ".md");
        Path sources = client.resolve("target/baseline-sources").resolve(stem).resolve("src/main/java");
        if (!Files.exists(baseline) || Files.mismatch(spec, baseline) == -1) {
            if (Files.exists(changelog)) {
                JavaChangelog.write(changelog, JavaChangelog.unchanged(name));
            }
            return List.of();
        }
        String clientPackage = invokerPackage(sources).orElseThrow(() -> new GateFailure(
                "no baseline client generated for " + name + " in " + sources + ": build generated-client first"));
        List<Path> classpath = ClassFiles.classpath(client.resolve("target"));
        Path baselineClasses = work.resolve("baseline-classes").resolve(stem);
        BaselineClient.compile(sources, baselineClasses, classpath);
        JavaApiChanges changes = JavaApiChanges.compare(
                ClassFiles.archive(baselineClasses, clientPackage, "baseline " + name),
                ClassFiles.archive(client.resolve("target/classes"), clientPackage, name), classpath,
                Components.schemaNames(baseline), Components.schemaNames(spec));
        JavaChangelog.write(changelog, JavaChangelog.of(clientPackage, name, changes));
        changes.warnings.forEach(w -> System.out.println("[api-gate] warning: " + name + ": " + w));
        System.out.println("[api-gate] " + name + ": " + summary(changes) + " (" + changelog + ")");
        return changes.breaks.stream().map(b -> name + ": " + b).toList();
    }

    private static String summary(JavaApiChanges changes) {
        if (changes.isEmpty()) {
            return "Java API unchanged";
        }
        return changes.breaks.isEmpty()
                ? "Java API changed compatibly: " + changes.added.size() + " added, " + changes.changed.size() + " changed"
                : changes.breaks.size() + " source-incompatible change(s) to the Java API";
    }

    /** The package of the generated ApiClient: the client's root package. */
    private static Optional<String> invokerPackage(Path sources) throws IOException {
        if (!Files.isDirectory(sources)) {
            return Optional.empty();
        }
        try (Stream<Path> walk = Files.walk(sources)) {
            return walk.filter(f -> f.getFileName().toString().equals("ApiClient.java")).findFirst()
                    .map(f -> sources.relativize(f.getParent()).toString().replace('/', '.').replace('\\', '.'));
        }
    }

    /** What the outcome depends on: the specs, their baselines and the poms that configure the generator. */
    private static List<Path> inputs(Path specs, Path client) throws IOException {
        List<Path> inputs = new ArrayList<>(specFiles(specs));
        inputs.addAll(specFiles(specs.resolve("baseline")));
        inputs.add(client.resolve("pom.xml"));
        inputs.add(client.resolve("../pom.xml").normalize());
        return inputs;
    }

    private static List<Path> specFiles(Path specs) throws IOException {
        if (!Files.isDirectory(specs)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(specs)) {
            return files.filter(f -> f.toString().endsWith(".yaml") && !f.toString().endsWith(".overlay.yaml"))
                    .sorted().toList();
        }
    }
}
