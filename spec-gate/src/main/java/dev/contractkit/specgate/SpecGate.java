package dev.contractkit.specgate;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;

/**
 * The first step of the build: each spec in specs/ against its accepted copy in specs/baseline/. Prints a
 * summary, writes a Markdown changelog a spec, and fails naming every change that breaks clients. With
 * accept = true it moves the baselines to the current specs instead.
 */
public final class SpecGate {

    private SpecGate() {
    }

    /** Arguments: specs folder, baseline folder, report folder, accept (true, false, or vendor[,vendor...]). */
    public static void main(String[] args) throws IOException {
        Path specs = Path.of(args[0]);
        Path baselines = Path.of(args[1]);
        Path reports = Path.of(args[2]);
        AcceptedSpecs accept = AcceptedSpecs.parse(args.length > 3 ? args[3] : "false");
        List<String> unknown = accept.unknown(specFiles(specs).stream().map(f -> f.getFileName().toString()).toList());
        if (!unknown.isEmpty()) {
            throw new SpecsBreakClients("-Daccept-specs names no spec in " + specs + ": " + String.join(", ", unknown)
                    + " (the vendors there: " + String.join(", ", specFiles(specs).stream()
                    .map(f -> f.getFileName().toString().replaceFirst("\\.yaml$", "")).toList()) + ")");
        }
        Path stamp = reports.resolve("checked.sha256");
        String inputs = Stamp.of(specFiles(specs), specFiles(baselines));
        if (!accept.any() && Files.exists(stamp) && Files.readString(stamp).equals(inputs)) {
            System.out.println("[spec-gate] specs and baselines unchanged since they last passed");
            return;
        }
        List<String> failures = new ArrayList<>();
        for (Path spec : specFiles(specs)) {
            failures.addAll(check(spec, baselines.resolve(spec.getFileName()), reports,
                    accept.covers(spec.getFileName().toString())));
        }
        if (!failures.isEmpty()) {
            throw new SpecsBreakClients("The specs changed in ways that break clients:\n  - "
                    + String.join("\n  - ", failures) + "\nThe changelog is in " + reports
                    + ". If the vendor really changed: ./mvnw -q -pl spec-gate process-classes -Daccept-specs=<vendor>");
        }
        Files.createDirectories(reports);
        Files.writeString(stamp, Stamp.of(specFiles(specs), specFiles(baselines)));
    }

    /** The breaks of one spec (empty when none), after printing its summary and writing its changelog. */
    static List<String> check(Path spec, Path baseline, Path reports, boolean accept) throws IOException {
        return check(spec, baseline, reports, accept, OpenApiCompare::fromLocations);
    }

    static List<String> check(Path spec, Path baseline, Path reports, boolean accept,
            BiFunction<String, String, ChangedOpenApi> compare) throws IOException {
        String name = spec.getFileName().toString();
        List<String> unreadable = parseErrors(spec);
        if (!unreadable.isEmpty()) {
            return unreadable.stream().map(m -> name + " is not valid OpenAPI: " + m).toList();
        }
        if (accept || !Files.exists(baseline)) {
            Files.createDirectories(baseline.getParent());
            Files.copy(spec, baseline, StandardCopyOption.REPLACE_EXISTING);
            System.out.println("[spec-gate] " + name + ": " + (accept ? "accepted as the new baseline" : "new, now its own baseline"));
            return List.of();
        }
        ChangedOpenApi diff;
        SpecChanges changes;
        try {
            diff = compare.apply(baseline.toString(), spec.toString());
            changes = SpecChanges.of(diff);
        } catch (RuntimeException e) {
            // Nothing was judged: fail this spec in plain words and go on; the library's detail goes to the changelog.
            Path changelog = reports.resolve(name.replaceFirst("\\.yaml$", ".md"));
            Files.createDirectories(reports);
            Files.writeString(changelog, "# " + name + " against its baseline\n\nopenapi-diff failed comparing them: " + oneLine(e) + "\n");
            return List.of(name + ": openapi-diff could not compare it with " + baseline
                    + "; check the change by hand, then accept it (the detail is in " + changelog + ")");
        }
        Path changelog = reports.resolve(name.replaceFirst("\\.yaml$", ".md"));
        Changelog.write(changelog, name, changes, diff).ifPresent(note -> System.out.println("[spec-gate] " + note));
        List<String> breaks = changes.breaks.stream().map(b -> name + ": " + b).toList();
        System.out.println("[spec-gate] " + name + ": " + summary(diff, changes) + " (" + changelog + ")");
        return breaks;
    }

    /** An exception as one line: its kind, the first class outside the JDK on its way, its message. */
    static String oneLine(RuntimeException e) {
        String at = java.util.Arrays.stream(e.getStackTrace()).filter(f -> !f.getClassName().startsWith("java.") && !f.getClassName().startsWith("jdk."))
                .findFirst().map(f -> " in " + f.getClassName().replaceFirst(".*\\.", "") + "." + f.getMethodName()).orElse("");
        String message = e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse("");
        return e.getClass().getSimpleName() + at + message;
    }

    private static String summary(ChangedOpenApi diff, SpecChanges changes) {
        if (changes.breaks.isEmpty() && changes.compatible.isEmpty() && diff.isUnchanged()) {
            return "unchanged";
        }
        return changes.breaks.isEmpty() ? "changed, compatibly (" + changes.compatible.size() + " change(s))"
                : changes.breaks.size() + " breaking change(s)";
    }

    /** The parser's own messages (a YAML error names line and column); empty for a valid document. */
    static List<String> parseErrors(Path spec) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readLocation(spec.toString(), null, options);
        List<String> messages = result.getMessages() == null ? List.of() : result.getMessages();
        return result.getOpenAPI() == null || !messages.isEmpty() ? (messages.isEmpty() ? List.of("unreadable") : messages)
                : List.of();
    }

    /** The gate's verdict, not a bug: without a stack trace, which exec:java would print above the message. */
    static final class SpecsBreakClients extends RuntimeException {
        SpecsBreakClients(String message) {
            super(message, null, false, false);
        }
    }

    /** The specs of a folder, as the gate finds them: every .yaml but an overlay. */
    static List<Path> specFiles(Path specs) throws IOException {
        if (!Files.isDirectory(specs)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(specs)) {
            return files.filter(f -> f.toString().endsWith(".yaml") && !f.toString().endsWith(".overlay.yaml"))
                    .sorted().toList();
        }
    }
}
