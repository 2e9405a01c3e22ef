package dev.contractkit.contract;

import dev.contractkit.contract.SpecDefect.Kind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The defects of one spec as a reader goes through them: whose they are, then one section a kind, one
 * line a defect naming the operation or example, the file and pointer, and what is wrong. One file a spec,
 * beside the spec gate's target/spec-changes/SPEC.md, so the log line of a spec points at its own report.
 */
final class SpecDefectReport {

    private SpecDefectReport() {
    }

    static Path write(Path folder, String vendor, boolean authored, List<SpecDefect> defects) {
        Path file = folder.resolve(vendor + ".md").toAbsolutePath();
        try {
            Files.createDirectories(folder);
            Files.writeString(file, text(vendor, authored, defects), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the defect report " + file, e);
        }
        return file;
    }

    static String text(String vendor, boolean authored, List<SpecDefect> defects) {
        StringBuilder text = new StringBuilder("# " + VendorSpecs.fileName(vendor) + ": defects\n\n");
        text.append(authored
                ? "Our own spec (`info: x-contract-kit: {authored: true}`): each defect below fails the build.\n"
                : "The vendor's own file, which the vendor will not fix for us: a defect in it is listed here and the "
                        + "tests it would fail are skipped (each names it); the rest of the file is tested. A defect in "
                        + "a file of ours beside it (an example under specs/examples/) fails the build.\n");
        if (defects.isEmpty()) {
            return text.append("\nNone.\n").toString();
        }
        section(text, "In the vendor's file: not tested", defects.stream().filter(d -> !d.ours()).toList());
        section(text, authored ? "In our spec: failing" : "In our files beside it: failing",
                defects.stream().filter(SpecDefect::ours).toList());
        return text.toString();
    }

    private static void section(StringBuilder text, String title, List<SpecDefect> defects) {
        if (defects.isEmpty()) {
            return;
        }
        text.append("\n## ").append(title).append(" (").append(defects.size()).append(")\n");
        for (Kind kind : Kind.values()) {
            List<SpecDefect> ofKind = defects.stream().filter(d -> d.kind() == kind).toList();
            if (!ofKind.isEmpty()) {
                text.append("\n### ").append(kind.heading()).append(" (").append(ofKind.size()).append(")\n\n");
                ofKind.forEach(d -> text.append("- `").append(d.subject()).append("` (").append(d.where())
                        .append("): ").append(d.detail()).append('\n'));
            }
        }
    }
}
