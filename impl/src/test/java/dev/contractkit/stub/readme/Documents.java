package dev.contractkit.stub.readme;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The project's documents whose examples are tested: the README, then every page of `docs/` and `bench/`. */
final class Documents {

    static final Path ROOT = Path.of(System.getProperty("specs.dir", "../specs")).toAbsolutePath().normalize().getParent();

    /** A fenced block of a document: its language, the line its first line of code is on, and its text. */
    record Block(String language, int line, String text) {
    }

    private Documents() {
    }

    static List<Path> all() {
        List<Path> documents = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        for (Path folder : List.of(ROOT.resolve("docs"), ROOT.resolve("bench"))) {
            try (Stream<Path> pages = Files.list(folder)) {
                pages.filter(p -> p.toString().endsWith(".md")).sorted().forEach(documents::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return documents;
    }

    static String name(Path document) {
        return ROOT.relativize(document).toString().replace('\\', '/');
    }

    static List<Block> blocks(String text, String language) {
        List<Block> blocks = new ArrayList<>();
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String fence = lines.get(i).strip();
            if (fence.startsWith("```") && fence.length() > 3) {
                int start = i + 1;
                StringBuilder code = new StringBuilder();
                while (++i < lines.size() && !lines.get(i).strip().equals("```")) {
                    code.append(lines.get(i)).append('\n');
                }
                if (fence.substring(3).equals(language)) {
                    blocks.add(new Block(language, start + 1, code.toString()));
                }
            }
        }
        return blocks;
    }
}
