package dev.contractkit.specgate;

import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/** An edit of a copy of a real spec, run through the gate in-process: its breaks and its changelog. */
final class SpecEdits {

    /**
     * The specs the edits start from: the test's own copies (the seed's Vayu file and a one-operation Layer
     * spec), not the user's specs/, so the catalogue holds whatever vendor file a user drops in.
     */
    static final Path SPECS = fixtures();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** breaks: the gate's failures (printed by the build when any); log: what it printed on the way. */
    record Verdict(List<String> breaks, String changelog, String log) {
    }

    private static Path fixtures() {
        try {
            return Path.of(SpecEdits.class.getResource("/catalogue").toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private final Path dir;

    SpecEdits(Path dir) {
        this.dir = dir;
    }

    /** The gate's verdict after a text edit of a copy of the spec NAME; fails if the edit did not apply. */
    Verdict text(String name, UnaryOperator<String> edit) throws IOException {
        return judge(name, Files.readString(SPECS.resolve(name)), edit);
    }

    /** The same after an edit of the YAML tree, for moves that text replacement cannot say plainly. */
    Verdict tree(String name, Consumer<ObjectNode> edit) throws IOException {
        return text(name, original -> edited(original, edit));
    }

    /**
     * The verdict on a change of something the fixture lacks (a bound): both baseline and spec start from the
     * fixture with {@code given} applied, then the spec gets {@code edit} too.
     */
    Verdict tree(String name, Consumer<ObjectNode> given, Consumer<ObjectNode> edit) throws IOException {
        return judge(name, edited(Files.readString(SPECS.resolve(name)), given), original -> edited(original, edit));
    }

    private Verdict judge(String name, String original, UnaryOperator<String> edit) throws IOException {
        String changed = edit.apply(original);
        assertNotEquals(original, changed, "the edit did not apply to " + name);
        Path spec = Files.writeString(Files.createDirectories(dir.resolve("specs")).resolve(name), changed);
        Path baseline = Files.writeString(Files.createDirectories(dir.resolve("baseline")).resolve(name), original);
        GateLog log = new GateLog();
        List<String> breaks = log.during(() -> SpecGate.check(spec, baseline, dir.resolve("reports"), false));
        Path changelog = dir.resolve("reports").resolve(name.replace(".yaml", ".md"));
        return new Verdict(breaks, Files.exists(changelog) ? Files.readString(changelog) : "", log.text());
    }

    private static String edited(String yaml, Consumer<ObjectNode> edit) {
        try {
            ObjectNode root = (ObjectNode) YAML.readTree(yaml);
            edit.accept(root);
            return YAML.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
