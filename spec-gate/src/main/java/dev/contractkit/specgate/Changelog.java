package dev.contractkit.specgate;

import java.io.IOException;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;

/** One spec's Markdown changelog: the gate's own verdicts first, then openapi-diff's report when it renders. */
final class Changelog {

    private Changelog() {
    }

    /** Writes the changelog; answers the one-line note to print when openapi-diff's report failed. */
    static Optional<String> write(Path file, String name, SpecChanges changes, ChangedOpenApi diff) throws IOException {
        StringBuilder text = new StringBuilder("# " + name + " against its baseline\n");
        section(text, "Breaking changes", changes.breaks);
        section(text, "Compatible changes", changes.compatible);
        text.append("\n## openapi-diff's report\n\n");
        Optional<String> failure = Optional.empty();
        try {
            ByteArrayOutputStream report = new ByteArrayOutputStream();
            try (OutputStreamWriter out = new OutputStreamWriter(report, StandardCharsets.UTF_8)) {
                new ChangelogRender().render(diff, out);
            }
            text.append(report.toString(StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            // A renderer bug not yet stepped around: the log gets plain words, the changelog the detail.
            failure = Optional.of(name + ": openapi-diff's report could not be written; the changelog lists the gate's own findings");
            text.append(failure.get()).append(" (").append(SpecGate.oneLine(e)).append(")\n");
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return failure;
    }

    private static void section(StringBuilder text, String title, List<String> lines) {
        text.append("\n## ").append(title).append("\n\n");
        if (lines.isEmpty()) {
            text.append("None.\n");
        }
        lines.forEach(line -> text.append("- ").append(line).append('\n'));
    }
}
