package dev.contractkit.apigate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The "Your Java" section of a spec's changelog (spec-gate/target/spec-changes/&lt;spec&gt;.md): the wire changes
 * above it are spec-gate's, this one is what they do to code compiled against the client.
 */
final class JavaChangelog {

    static final String HEADING = "## Your Java";

    private JavaChangelog() {
    }

    /** Replaces the section if the changelog has one (spec-gate did not rewrite it), appends it otherwise. */
    static void write(Path changelog, String section) throws IOException {
        String text = Files.exists(changelog) ? Files.readString(changelog) : "";
        int previous = text.indexOf(HEADING);
        String kept = previous < 0 ? text : text.substring(0, previous);
        Files.createDirectories(changelog.getParent());
        Files.writeString(changelog, (kept.isEmpty() || kept.endsWith("\n\n") ? kept : kept.stripTrailing() + "\n\n") + section);
    }

    static String unchanged(String specName) {
        return HEADING + "\n\n" + specName + " is its baseline byte for byte: the client's Java API is the baseline's.\n";
    }

    static String of(String clientPackage, String baselineName, JavaApiChanges changes) {
        StringBuilder out = new StringBuilder(HEADING).append("\n\nThe client (`").append(clientPackage)
                .append("`) against the one generated from `specs/baseline/").append(baselineName).append("`");
        if (changes.isEmpty()) {
            return out.append(": no change to its Java API.\n").toString();
        }
        out.append(".\n");
        list(out, "Breaks code that uses it (source-incompatible)", changes.breaks);
        list(out, "Breaks only code compiled against the old jar (binary-incompatible)", changes.warnings);
        list(out, "Added", changes.added);
        list(out, "Removed", changes.removed);
        list(out, "Changed", changes.changed);
        return out.toString();
    }

    private static void list(StringBuilder out, String title, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        out.append("\n### ").append(title).append("\n\n");
        lines.forEach(line -> out.append("- ").append(line).append("\n"));
    }
}
